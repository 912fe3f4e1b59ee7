using Microsoft.EntityFrameworkCore;
using OneArmDesigner.Data;
using OneArmDesigner.Data.Entities;
using OneArmDesigner.Engine.Analysis;

namespace OneArmDesigner.Web.Analysis;

/// <summary>A revision's findings as stored: the JSON `onearm validate --format json` prints, and its counts.</summary>
public sealed record StoredFindings(string Json, int Errors, int Warnings)
{
    public static StoredFindings From(ValidationReport report) =>
        new(AnalysisJson.Write(report), report.Count(Severity.Error), report.Count(Severity.Warning));

    public ValidationResultEntity ToEntity(DateTimeOffset now) =>
        new() { FindingsJson = Json, ErrorCount = Errors, WarningCount = Warnings, CreatedAt = now };
}

/// <summary>
/// Findings kept in the database by content hash, on the revisions whose document has that hash: the cache that
/// outlives a restart, and what the revisions list counts errors and warnings from.
/// </summary>
public sealed class StoredAnalyses(OneArmDesignerDbContext db, AnalysisQueue queue, TimeProvider clock)
{
    /// <summary>The findings for this content: from the queue's memory, else from any revision that has them.</summary>
    public async Task<StoredFindings?> FindAsync(string contentHash, CancellationToken ct)
    {
        if (queue.Cached(contentHash) is { } analysis)
        {
            return StoredFindings.From(analysis.Report);
        }

        return await db.DesignRevisions.AsNoTracking()
            .Where(r => r.ContentHash == contentHash && r.Validation != null)
            .Select(r => new StoredFindings(r.Validation!.FindingsJson, r.Validation.ErrorCount, r.Validation.WarningCount))
            .FirstOrDefaultAsync(ct);
    }

    /// <summary>Gives every revision of this content that has no findings yet these ones.</summary>
    public async Task AttachAsync(string contentHash, ValidationReport report, CancellationToken ct) =>
        await AttachAsync(contentHash, StoredFindings.From(report), ct);

    public async Task AttachAsync(string contentHash, StoredFindings findings, CancellationToken ct)
    {
        var waiting = await db.DesignRevisions
            .Where(r => r.ContentHash == contentHash && r.Validation == null)
            .ToListAsync(ct);
        if (waiting.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        foreach (var revision in waiting)
        {
            revision.Validation = findings.ToEntity(now);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another writer attached the same findings first, or the revision was folded or deleted meanwhile.
            db.ChangeTracker.Clear();
        }
    }
}
