using System.Text.Json;
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
    private long? _pairsDecided;

    public static StoredFindings From(ValidationReport report) =>
        new(AnalysisJson.Write(report), report.Count(Severity.Error), report.Count(Severity.Warning), !report.Complete)
        {
            _pairsDecided = report.PairsDecided,
        };

    public static StoredFindings Of(ValidationResultEntity entity) =>
        new(entity.FindingsJson, entity.ErrorCount, entity.WarningCount, entity.Incomplete);

    /// <summary>For incomplete findings, how many host pairs were decided (0 when findings stored before it was kept).</summary>
    public long PairsDecided => _pairsDecided ??= Incomplete ? ReadPairsDecided(Json) : 0;

    /// <summary>
    /// Whether these findings of some content say more than <paramref name="other"/> findings of the same content:
    /// complete ones more than incomplete ones, and of two incomplete ones, those that decided more pairs. Complete
    /// findings are never bettered, and a restarted server's first job, starting over, says less than what it stored.
    /// </summary>
    public bool Improves(StoredFindings? other) =>
        other is null || (other.Incomplete && (!Incomplete || PairsDecided > other.PairsDecided));

    private static long ReadPairsDecided(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.TryGetProperty(AnalysisJson.PairsDecidedProperty, out var decided) && decided.TryGetInt64(out var pairs)
                ? pairs
                : 0;
        }
        catch (JsonException)
        {
            return 0;
        }
    }

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
        var inMemory = queue.Cached(contentHash) is { } analysis ? StoredFindings.From(analysis.Report) : null;
        if (inMemory is { Incomplete: false })
        {
            return inMemory;
        }

        // Cut short in memory (or not there): a revision may hold complete findings, or incomplete ones that decided
        // more before a restart; the best of those few is the answer.
        var stored = await db.DesignRevisions.AsNoTracking()
            .Where(r => r.ContentHash == contentHash && r.Validation != null)
            .OrderBy(r => r.Validation!.Incomplete)
            .Take(MostCompared)
            .Select(r => StoredFindings.Of(r.Validation!))
            .ToListAsync(ct);
        return stored.Aggregate(inMemory, (best, next) => next.Improves(best) ? next : best);
    }

    /// <summary>Revisions of one content whose findings are compared; many revisions of it hold the same findings.</summary>
    private const int MostCompared = 16;

    /// <summary>
    /// Gives these findings to every revision of this content that has none yet, or whose findings were cut short by the
    /// time budget when these say more (<see cref="StoredFindings.Improves"/>): complete, or cut short after deciding
    /// more pairs. Complete findings are never replaced.
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
            if (revision.Validation is null)
            {
                revision.Validation = findings.ToEntity(now);
            }
            else if (findings.Improves(StoredFindings.Of(revision.Validation)))
            {
                findings.CopyTo(revision.Validation, now);
            }
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
