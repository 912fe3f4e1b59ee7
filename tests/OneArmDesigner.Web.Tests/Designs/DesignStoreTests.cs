using Microsoft.Extensions.DependencyInjection;
using OneArmDesigner.Testing;
using OneArmDesigner.Web.Designs;

namespace OneArmDesigner.Web.Tests.Designs;

/// <summary>The store's rules, on each database the app can run on (the concrete classes below pick one).</summary>
public abstract class DesignStoreTests(DatabaseAppFixture fixture)
{
    private RunningApp App => fixture.App;

    private async Task<T> WithStoreAsync<T>(Func<DesignStore, Task<T>> use)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<DesignStore>());
    }

    [SkippableFact]
    public async Task The_editor_can_always_see_the_current_view_link_but_a_viewer_cannot()
    {
        var created = (await WithStoreAsync(s => s.CreateAsync(NewDesignDocuments.Empty("Links")))).Value!;

        var asEditor = (await WithStoreAsync(s => s.OpenAsync(created.EditToken))).Value!;
        var asViewer = (await WithStoreAsync(s => s.OpenAsync(created.ViewToken))).Value!;

        Assert.Equal(created.ViewToken, asEditor.ViewToken);
        Assert.Null(asViewer.ViewToken);
    }

    [SkippableFact]
    public async Task Regenerating_shows_the_new_view_link_to_the_editor_and_revoking_hides_it()
    {
        var created = (await WithStoreAsync(s => s.CreateAsync(NewDesignDocuments.Empty("Rotate")))).Value!;

        var renewed = (await WithStoreAsync(s => s.RegenerateViewTokenAsync(created.EditToken))).Value!;
        Assert.NotEqual(created.ViewToken, renewed);
        Assert.Equal(renewed, (await WithStoreAsync(s => s.OpenAsync(created.EditToken))).Value!.ViewToken);

        await WithStoreAsync(s => s.RevokeViewTokenAsync(created.EditToken));
        Assert.Null((await WithStoreAsync(s => s.OpenAsync(created.EditToken))).Value!.ViewToken);
        Assert.Equal(StoreStatus.NotFound, (await WithStoreAsync(s => s.OpenAsync(renewed))).Status);
    }

    [SkippableFact]
    public async Task Consecutive_autosaves_fold_into_one_revision_but_manual_saves_each_add_one()
    {
        var created = (await WithStoreAsync(s => s.CreateAsync(NewDesignDocuments.Empty("Fold")))).Value!;

        for (var version = 1; version <= 3; version++)
        {
            var v = version;
            await WithStoreAsync(s => s.SaveAsync(created.EditToken, NewDesignDocuments.Empty($"auto {v}"), v, autosave: true));
        }

        await WithStoreAsync(s => s.SaveAsync(created.EditToken, NewDesignDocuments.Empty("manual"), 4));

        var revisions = (await WithStoreAsync(s => s.ListRevisionsAsync(created.EditToken))).Value!;
        Assert.Equal(["manual", "auto 3", "Fold"], revisions.Select(r => r.Name));
    }

    [SkippableFact]
    public async Task Summaries_list_only_links_that_still_lead_somewhere()
    {
        var kept = (await WithStoreAsync(s => s.CreateAsync(NewDesignDocuments.Empty("Kept")))).Value!;
        var deleted = (await WithStoreAsync(s => s.CreateAsync(NewDesignDocuments.Empty("Deleted")))).Value!;
        await WithStoreAsync(s => s.DeleteAsync(deleted.EditToken));

        var summaries = await WithStoreAsync(s => s.SummariseAsync([kept.EditToken, kept.ViewToken, deleted.EditToken, "junk"]));

        Assert.Equal(2, summaries.Count);
        Assert.Contains(summaries, x => x.Token == kept.EditToken && x.Access == DesignAccess.Edit);
        Assert.Contains(summaries, x => x.Token == kept.ViewToken && x.Access == DesignAccess.View);
    }

    [SkippableFact]
    public async Task Every_revision_keeps_the_findings_of_validating_it()
    {
        var broken = OneArmDesigner.Domain.Documents.DesignDocument.Serialize(OneArmDesigner.Domain.Templates.SeedTemplates.Asymmetric());
        var fixedDesign = OneArmDesigner.Domain.Documents.DesignDocument.Serialize(OneArmDesigner.Domain.Templates.SeedTemplates.TransitVlan());
        var analyses = App.Services.GetRequiredService<OneArmDesigner.Web.Analysis.AnalysisQueue>();
        var created = (await WithStoreAsync(s => s.CreateAsync(broken))).Value!;
        await analyses.IdleAsync();
        await WithStoreAsync(s => s.SaveAsync(created.EditToken, fixedDesign, 1));
        await analyses.IdleAsync();

        var revisions = (await WithStoreAsync(s => s.ListRevisionsAsync(created.EditToken))).Value!;

        Assert.Equal(0, revisions[0].Errors);
        Assert.True(revisions[1].Errors >= 1);
    }
}

public sealed class DesignStoreOnSqliteTests(SqliteAppFixture fixture) : DesignStoreTests(fixture), IClassFixture<SqliteAppFixture>;

public sealed class DesignStoreOnPostgresTests(PostgresAppFixture fixture) : DesignStoreTests(fixture), IClassFixture<PostgresAppFixture>;
