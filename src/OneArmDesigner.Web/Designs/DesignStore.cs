using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneArmDesigner.Data;
using OneArmDesigner.Data.Entities;
using OneArmDesigner.Domain.Documents;
using OneArmDesigner.Engine.Analysis;
using OneArmDesigner.Web.Analysis;

namespace OneArmDesigner.Web.Designs;

/// <summary>
/// Creates, opens, saves, forks and shares designs. Every write checks the link's access and the caller's base
/// version, so a stale tab is refused instead of silently overwriting newer work. No write analyses the design: a
/// revision takes the findings already known for its content, or gets them from a background job when it finishes.
/// History is kept by <see cref="RevisionPolicy"/>: a save that changes nothing adds no revision, and old ones thin out.
/// </summary>
public sealed class DesignStore(
    OneArmDesignerDbContext db, IDesignDocumentChecker checker, StoredAnalyses analyses, AnalysisQueue queue, TimeProvider clock,
    IOptions<RevisionPolicy> revisionPolicy)
{
    /// <summary>Autosaves closer together than this fold into the latest autosave revision instead of adding one.</summary>
    public static readonly TimeSpan AutosaveRevisionWindow = TimeSpan.FromMinutes(5);

    public async Task<StoreResult<CreatedDesign>> CreateAsync(string documentJson, CancellationToken ct = default) =>
        await CreateFromAsync(documentJson, forkedFrom: null, ct);

    public async Task<StoreResult<OpenedDesign>> OpenAsync(string token, CancellationToken ct = default)
    {
        var (design, access) = await FindAsync(token, ct);
        if (design is null)
        {
            return NotFound<OpenedDesign>();
        }

        var viewToken = access == DesignAccess.Edit && design.ViewTokenHash is not null
            ? ShareToken.DeriveViewToken(token, design.ViewTokenGeneration)
            : null;
        return StoreResult<OpenedDesign>.Ok(new OpenedDesign(design.Id, design.Name, design.DocumentJson, design.Version,
            access, design.UpdatedAt, viewToken));
    }

    /// <summary>What each of these links leads to now; links that lead nowhere (revoked, deleted) are left out.</summary>
    public async Task<IReadOnlyList<DesignSummary>> SummariseAsync(IEnumerable<string> tokens, CancellationToken ct = default)
    {
        var byHash = tokens.Where(ShareToken.LooksValid).Distinct().ToDictionary(ShareToken.Hash);
        if (byHash.Count == 0)
        {
            return [];
        }

        var hashes = byHash.Keys.ToList();
        var designs = await db.Designs.AsNoTracking()
            .Where(d => hashes.Contains(d.EditTokenHash) || (d.ViewTokenHash != null && hashes.Contains(d.ViewTokenHash)))
            .Select(d => new { d.Id, d.Name, d.UpdatedAt, d.EditTokenHash, d.ViewTokenHash })
            .ToListAsync(ct);

        var summaries = new List<DesignSummary>();
        foreach (var design in designs)
        {
            if (byHash.TryGetValue(design.EditTokenHash, out var editToken))
            {
                summaries.Add(new DesignSummary(editToken, design.Id, design.Name, DesignAccess.Edit, design.UpdatedAt));
            }

            if (design.ViewTokenHash is not null && byHash.TryGetValue(design.ViewTokenHash, out var viewToken))
            {
                summaries.Add(new DesignSummary(viewToken, design.Id, design.Name, DesignAccess.View, design.UpdatedAt));
            }
        }

        return summaries;
    }

    /// <summary>Saves a new document over <paramref name="baseVersion"/>; refused when someone saved since.</summary>
    public async Task<StoreResult<SavedDesign>> SaveAsync(
        string editToken, string documentJson, int baseVersion, bool autosave = false, CancellationToken ct = default)
    {
        var check = checker.Check(documentJson);
        if (check.Problems.Count > 0)
        {
            return StoreResult<SavedDesign>.Fail(StoreStatus.Invalid, "The design document has problems.", check.Problems);
        }

        // A write can also collide with a background job giving the latest revision its findings at the same moment;
        // that is no conflict with another save, and one more attempt, reading the revision afresh, gets through.
        for (var attempt = 1; ; attempt++)
        {
            var saved = await TrySaveAsync(editToken, documentJson, check, baseVersion, autosave, ct);
            if (saved is not null || attempt == 2)
            {
                return saved ?? throw new InvalidOperationException("The save failed twice without a conflicting save.");
            }
        }
    }

    /// <summary>One attempt at a save; null when the database refused it for a reason other than another save.</summary>
    private async Task<StoreResult<SavedDesign>?> TrySaveAsync(
        string editToken, string documentJson, DocumentCheck check, int baseVersion, bool autosave, CancellationToken ct)
    {
        var (design, access) = await FindAsync(editToken, ct);
        if (design is null)
        {
            return NotFound<SavedDesign>();
        }

        // Load the latest revision with its findings; EF attaches it to the tracked design's revisions.
        await db.DesignRevisions.Include(r => r.Validation)
            .Where(r => r.DesignId == design.Id).OrderByDescending(r => r.Number).Take(1).LoadAsync(ct);

        if (access != DesignAccess.Edit)
        {
            return ReadOnly<SavedDesign>();
        }

        if (design.Version != baseVersion)
        {
            return Stale<SavedDesign>(baseVersion, design.Version);
        }

        var now = clock.GetUtcNow();
        design.DocumentJson = documentJson;
        design.Name = check.Name;
        design.Version++;
        design.UpdatedAt = now;
        var findings = await analyses.FindAsync(check.ContentHash!, ct);
        var revision = RecordRevision(design, autosave, now, check.ContentHash!, findings);

        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            await PruneRevisionsAsync(design.Id, ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another save based on the same version got there between our read and our write. Whichever of its
            // changes the database met first (the version, the design's concurrency token; or the revision number,
            // unique per design) refuses ours: either way it is a conflict, and the answer names the version now.
            db.ChangeTracker.Clear();
            var current = await db.Designs.AsNoTracking().Where(d => d.Id == design.Id).Select(d => (int?)d.Version).SingleOrDefaultAsync(ct);
            if (current is null)
            {
                return NotFound<SavedDesign>();
            }

            return current != baseVersion ? Stale<SavedDesign>(baseVersion, current.Value) : null;
        }

        await AnalyseAsync(design.Id, check, findings);
        return StoreResult<SavedDesign>.Ok(new SavedDesign(design.Version, revision.Number, now));
    }

    /// <summary>Copies the design (from either link) into a new one with new links; the original is untouched.</summary>
    public async Task<StoreResult<CreatedDesign>> ForkAsync(string token, CancellationToken ct = default)
    {
        var (design, _) = await FindAsync(token, ct);
        if (design is null)
        {
            return NotFound<CreatedDesign>();
        }

        return await CreateFromAsync(design.DocumentJson, design.Id, ct);
    }

    /// <summary>Issues a new view token; the old view link stops working at once.</summary>
    public async Task<StoreResult<string>> RegenerateViewTokenAsync(string editToken, CancellationToken ct = default)
    {
        var edit = await FindEditableAsync(editToken, ct);
        if (!edit.Succeeded)
        {
            return edit.As<string>();
        }

        var design = edit.Value!;
        design.ViewTokenGeneration++;
        var viewToken = ShareToken.DeriveViewToken(editToken, design.ViewTokenGeneration);
        design.ViewTokenHash = ShareToken.Hash(viewToken);
        await db.SaveChangesAsync(ct);
        return StoreResult<string>.Ok(viewToken);
    }

    /// <summary>Revokes the view link; it answers 404 from now on until a new one is generated.</summary>
    public async Task<StoreResult<bool>> RevokeViewTokenAsync(string editToken, CancellationToken ct = default)
    {
        var edit = await FindEditableAsync(editToken, ct);
        if (!edit.Succeeded)
        {
            return edit.As<bool>();
        }

        edit.Value!.ViewTokenHash = null;
        await db.SaveChangesAsync(ct);
        return StoreResult<bool>.Ok(true);
    }

    public async Task<StoreResult<bool>> DeleteAsync(string editToken, CancellationToken ct = default)
    {
        var edit = await FindEditableAsync(editToken, ct);
        if (!edit.Succeeded)
        {
            return edit.As<bool>();
        }

        db.Designs.Remove(edit.Value!);
        await db.SaveChangesAsync(ct);
        return StoreResult<bool>.Ok(true);
    }

    public async Task<StoreResult<IReadOnlyList<RevisionSummary>>> ListRevisionsAsync(string token, CancellationToken ct = default)
    {
        var (design, _) = await FindAsync(token, ct);
        if (design is null)
        {
            return NotFound<IReadOnlyList<RevisionSummary>>();
        }

        var revisions = await db.DesignRevisions.AsNoTracking()
            .Where(r => r.DesignId == design.Id)
            .OrderByDescending(r => r.Number)
            .Select(r => new RevisionSummary(r.Number, r.Name, r.CreatedAt,
                r.Validation == null ? null : r.Validation.ErrorCount,
                r.Validation == null ? null : r.Validation.WarningCount,
                r.Validation != null && r.Validation.Incomplete))
            .ToListAsync(ct);
        return StoreResult<IReadOnlyList<RevisionSummary>>.Ok(revisions);
    }

    /// <summary>The document of one revision, for previewing or restoring it.</summary>
    public async Task<StoreResult<string>> GetRevisionDocumentAsync(string token, int number, CancellationToken ct = default)
    {
        var (design, _) = await FindAsync(token, ct);
        if (design is null)
        {
            return NotFound<string>();
        }

        var json = await db.DesignRevisions.AsNoTracking()
            .Where(r => r.DesignId == design.Id && r.Number == number)
            .Select(r => r.DocumentJson)
            .SingleOrDefaultAsync(ct);
        return json is null
            ? StoreResult<string>.Fail(StoreStatus.NotFound, $"This design has no revision {number}.")
            : StoreResult<string>.Ok(json);
    }

    /// <summary>
    /// The findings of the design's latest revision, as `onearm validate --format json` writes them; or, while they
    /// are still being computed, the running job. A revision without findings (its job was cancelled by a newer save,
    /// or the server restarted) gets a job here. Findings the time budget cut short are answered as they are, unless
    /// <see cref="ReanalyseLatestAsync"/> has them computed again, in which case that job is answered until it ends.
    /// </summary>
    public Task<StoreResult<LatestValidation>> GetLatestValidationAsync(string token, CancellationToken ct = default) =>
        LatestValidationAsync(token, again: false, ct);

    /// <summary>
    /// As <see cref="GetLatestValidationAsync"/>, but findings the time budget cut short are computed again (a design
    /// whose analysis ran out while the server was busy). Complete findings are answered at once, without work.
    /// </summary>
    public Task<StoreResult<LatestValidation>> ReanalyseLatestAsync(string token, CancellationToken ct = default) =>
        LatestValidationAsync(token, again: true, ct);

    private async Task<StoreResult<LatestValidation>> LatestValidationAsync(string token, bool again, CancellationToken ct)
    {
        var (design, _) = await FindAsync(token, ct);
        if (design is null)
        {
            return NotFound<LatestValidation>();
        }

        var latest = await db.DesignRevisions.AsNoTracking()
            .Where(r => r.DesignId == design.Id)
            .OrderByDescending(r => r.Number)
            .Select(r => new
            {
                r.DocumentJson,
                r.ContentHash,
                Findings = r.Validation == null ? null : StoredFindings.Of(r.Validation),
            })
            .FirstAsync(ct);
        // Asked to analyse again, findings the budget cut short are no answer: only complete ones or a new job are.
        bool Answers(bool incomplete) => !(again && incomplete);
        var key = AnalysisKeys.StoredDesign(design.Id);
        if (latest.Findings is { } stored && Answers(stored.Incomplete))
        {
            return StoreResult<LatestValidation>.Ok(
                (stored.Incomplete ? AnalysedAgain(key, latest.ContentHash, stored) : null) ?? new LatestValidation(stored.Json, null));
        }

        var check = checker.Check(latest.DocumentJson);
        if (check.Problems.Count > 0)
        {
            return StoreResult<LatestValidation>.Fail(StoreStatus.Invalid, "This design's stored document cannot be read.", check.Problems);
        }

        // Just computed: the job that computed it is storing it on this revision, so only answer with it here.
        if (queue.Cached(check.ContentHash!) is { } computed && Answers(!computed.Report.Complete))
        {
            return StoreResult<LatestValidation>.Ok(new LatestValidation(StoredFindings.From(computed.Report).Json, null));
        }

        // Known from another revision with the same content: no job will store it on this one, so store it now.
        var known = await analyses.FindAsync(check.ContentHash!, ct);
        if (known is not null && Answers(known.Incomplete))
        {
            await analyses.AttachAsync(check.ContentHash!, known, ct);
            return StoreResult<LatestValidation>.Ok(new LatestValidation(known.Json, null));
        }

        var job = again
            ? queue.Reanalyse(key, check.Design!, check.ContentHash)
            : queue.Request(key, check.Design!, check.ContentHash);
        return StoreResult<LatestValidation>.Ok(job.Result is { } done
            ? new LatestValidation(StoredFindings.From(done.Report).Json, null)
            : new LatestValidation(null, job));
    }

    /// <summary>
    /// For findings the time budget cut short: the job analysing that content again for this design, or what it found
    /// if that says more than <paramref name="stored"/> (in memory before it is stored: complete, or cut short again
    /// after deciding more; a restarted server's first job starts over and may say less). The job is looked at first:
    /// when it is no longer running, its result is already in memory.
    /// </summary>
    private LatestValidation? AnalysedAgain(string key, string? contentHash, StoredFindings stored)
    {
        if (contentHash is null)
        {
            return null;
        }

        if (queue.Claimed(key) is { } job && job.ContentHash == contentHash)
        {
            return new LatestValidation(null, job);
        }

        return queue.Cached(contentHash) is { } done && StoredFindings.From(done.Report) is var found && found.Improves(stored)
            ? new LatestValidation(found.Json, null)
            : null;
    }

    private async Task<StoreResult<CreatedDesign>> CreateFromAsync(string documentJson, Guid? forkedFrom, CancellationToken ct)
    {
        var check = checker.Check(documentJson);
        if (check.Problems.Count > 0)
        {
            return StoreResult<CreatedDesign>.Fail(StoreStatus.Invalid, "The design document has problems.", check.Problems);
        }

        var now = clock.GetUtcNow();
        var editToken = ShareToken.Create();
        var viewToken = ShareToken.DeriveViewToken(editToken, generation: 1);
        var design = new DesignEntity
        {
            Id = Guid.NewGuid(),
            Name = check.Name,
            DocumentJson = documentJson,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
            EditTokenHash = ShareToken.Hash(editToken),
            ViewTokenHash = ShareToken.Hash(viewToken),
            ViewTokenGeneration = 1,
            ForkedFromId = forkedFrom,
        };
        var findings = await analyses.FindAsync(check.ContentHash!, ct);
        RecordRevision(design, autosave: false, now, check.ContentHash!, findings);
        db.Designs.Add(design);
        await db.SaveChangesAsync(ct);
        await AnalyseAsync(design.Id, check, findings);
        return StoreResult<CreatedDesign>.Ok(new CreatedDesign(design.Id, design.Name, editToken, viewToken, design.Version));
    }

    /// <summary>
    /// After a write: nothing to do when the content's findings were known (but an older job for this design is no
    /// longer wanted); otherwise a background job, whose findings land on the revision when it finishes.
    /// </summary>
    private async Task AnalyseAsync(Guid designId, DocumentCheck check, StoredFindings? known)
    {
        var key = AnalysisKeys.StoredDesign(designId);
        if (known is not null)
        {
            queue.Release(key);
            return;
        }

        var job = queue.Request(key, check.Design!, check.ContentHash);
        if (job.Result is { } done)
        {
            // It finished between our look-up and our write, before our revision existed to take its findings.
            await analyses.AttachAsync(check.ContentHash!, done.Report, CancellationToken.None);
        }
    }

    /// <summary>Deletes the revisions <see cref="RevisionPolicy"/> no longer keeps, after a save added one.</summary>
    private async Task PruneRevisionsAsync(Guid designId, CancellationToken ct)
    {
        var footprints = await db.DesignRevisions.AsNoTracking()
            .Where(r => r.DesignId == designId)
            .Select(r => new RevisionFootprint(r.Id, r.Number, r.CreatedAt, OneArmDesignerDbContext.OctetLength(r.DocumentJson)))
            .ToListAsync(ct);
        var doomed = revisionPolicy.Value.ToDelete(footprints);
        if (doomed.Count > 0)
        {
            await db.DesignRevisions.Where(r => doomed.Contains(r.Id)).ExecuteDeleteAsync(ct);
        }
    }

    private static DesignRevisionEntity RecordRevision(
        DesignEntity design, bool autosave, DateTimeOffset now, string contentHash, StoredFindings? findings)
    {
        var latest = design.Revisions.MaxBy(r => r.Number);
        var revision = latest;
        var unchanged = latest is not null && string.Equals(latest.DocumentJson, design.DocumentJson, StringComparison.Ordinal);
        var folds = autosave && latest is { IsAutosave: true } && now - latest.CreatedAt < AutosaveRevisionWindow;
        if (!unchanged && !folds)
        {
            revision = new DesignRevisionEntity
            {
                Number = (latest?.Number ?? 0) + 1,
                Name = design.Name,
                DocumentJson = design.DocumentJson,
                CreatedAt = now,
                IsAutosave = autosave,
            };
            design.Revisions.Add(revision);
        }

        revision!.DocumentJson = design.DocumentJson;
        revision.Name = design.Name;
        if (!unchanged && (revision.ContentHash != contentHash || findings is not null))
        {
            // A folded autosave's old findings describe its old content: replace them, or drop them until the job ends.
            revision.ContentHash = contentHash;
            revision.Validation = findings?.ToEntity(now);
        }

        return revision;
    }

    private async Task<StoreResult<DesignEntity>> FindEditableAsync(string editToken, CancellationToken ct)
    {
        var (design, access) = await FindAsync(editToken, ct);
        if (design is null)
        {
            return NotFound<DesignEntity>();
        }

        return access == DesignAccess.Edit ? StoreResult<DesignEntity>.Ok(design) : ReadOnly<DesignEntity>();
    }

    private async Task<(DesignEntity? Design, DesignAccess Access)> FindAsync(string token, CancellationToken ct)
    {
        if (!ShareToken.LooksValid(token))
        {
            return (null, DesignAccess.View);
        }

        var hash = ShareToken.Hash(token);
        var design = await db.Designs.SingleOrDefaultAsync(d => d.EditTokenHash == hash || d.ViewTokenHash == hash, ct);
        return design is null ? (null, DesignAccess.View)
            : (design, design.EditTokenHash == hash ? DesignAccess.Edit : DesignAccess.View);
    }

    private static StoreResult<T> NotFound<T>() =>
        StoreResult<T>.Fail(StoreStatus.NotFound, "No design answers to this link. It may have been revoked or deleted.");

    private static StoreResult<T> ReadOnly<T>() =>
        StoreResult<T>.Fail(StoreStatus.Forbidden, "This is a view link: it can open the design but not change it. Fork it to edit a copy.");

    private static StoreResult<T> Stale<T>(int baseVersion, int currentVersion) =>
        StoreResult<T>.Fail(StoreStatus.Conflict,
            $"The design was saved elsewhere since you opened it (you edited version {baseVersion}, it is now at version {currentVersion}). Reload it, or save your work as a copy, to avoid overwriting those changes.")
            with { CurrentVersion = currentVersion };
}
