using Microsoft.EntityFrameworkCore;
using OneArmDesigner.Data;
using OneArmDesigner.Data.Entities;
using OneArmDesigner.Engine.Analysis;

namespace OneArmDesigner.Web.Analysis;

/// <summary>
/// A revision's findings as stored: the JSON `onearm validate --format json` prints, its counts, and whether the
/// analysis stopped at its time budget.
/// </summary>
public sealed record StoredFindings(string Json, int Errors, int Warnings, bool Incomplete)
{
    public static StoredFindings From(ValidationReport report) =>
        new(AnalysisJson.Write(report), report.Count(Severity.Error), report.Count(Severity.Warning), !report.Complete);

    public ValidationResultEntity ToEntity(DateTimeOffset now) => CopyTo(new ValidationResultEntity { FindingsJson = Json }, now);

    public ValidationResultEntity CopyTo(ValidationResultEntity entity, DateTimeOffset now)
    {
        entity.FindingsJson = Json;
        entity.ErrorCount = Errors;
        entity.WarningCount = Warnings;
        entity.Incomplete = Incomplete;
        entity.CreatedAt = now;
        return entity;
    }
}

/// <summary>
/// Findings kept in the database by content hash, on the revisions whose document has that hash: the cache that
/// outlives a restart, and what the revisions list counts errors and warnings from.
/// </summary>
public sealed class StoredAnalyses(OneArmDesignerDbContext db, AnalysisQueue queue, TimeProvider clock)
{
    /// <summary>
    /// The findings for this content: from the queue's memory, else from any revision that has them, complete ones
    /// before incomplete ones.
    /// </summary>
    public async Task<StoredFindings?> FindAsync(string contentHash, CancellationToken ct)
    {
        if (queue.Cached(contentHash) is { } analysis)
        {
            return StoredFindings.From(analysis.Report);
        }

        return await db.DesignRevisions.AsNoTracking()
            .Where(r => r.ContentHash == contentHash && r.Validation != null)
            .OrderBy(r => r.Validation!.Incomplete)
            .Select(r => new StoredFindings(r.Validation!.FindingsJson, r.Validation.ErrorCount, r.Validation.WarningCount, r.Validation.Incomplete))
            .FirstOrDefaultAsync(ct);
    }

    /// <summary>
    /// Gives these findings to every revision of this content that has none yet or whose findings were cut short by the
    /// time budget: newer findings of the same content are complete, or went on from those and decided more. Complete
    /// findings are never replaced.
    /// </summary>
    public async Task AttachAsync(string contentHash, ValidationReport report, CancellationToken ct) =>
        await AttachAsync(contentHash, StoredFindings.From(report), ct);

    public async Task AttachAsync(string contentHash, StoredFindings findings, CancellationToken ct)
    {
        var waiting = await db.DesignRevisions
            .Include(r => r.Validation)
            .Where(r => r.ContentHash == contentHash && (r.Validation == null || r.Validation.Incomplete))
            .ToListAsync(ct);
        if (waiting.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        foreach (var revision in waiting)
        {
            revision.Validation = revision.Validation is null ? findings.ToEntity(now) : findings.CopyTo(revision.Validation, now);
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
