using Microsoft.Data.Sqlite;
using OneArmDesigner.Testing;

namespace OneArmDesigner.Web.Tests.Designs;

/// <summary>
/// However often a design is saved, its stored history stays within the revision policy (Revisions__KeepLatest,
/// Revisions__MaxBytesPerDesign): storage grows with the work done on it, not with the number of requests.
/// </summary>
public sealed class RevisionHistoryTests
{
    [Fact]
    public async Task Saving_a_large_design_again_and_again_keeps_its_history_bounded_in_count_and_bytes()
    {
        using var app = new RunningApp(settings: new Dictionary<string, string?>
        {
            ["Revisions:KeepLatest"] = "5",
            ["Revisions:MaxBytesPerDesign"] = (5 * 300_000).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        using var http = app.CreateHttpClient();
        var api = new DesignsApiClient(http);
        var padding = new string('x', 290_000);
        string Document(int n) => DesignsApiClient.Document($"Big {n}", $$""","description":"{{padding}}" """);
        var created = await api.CreateFromAsync(Document(0));

        for (var version = 1; version <= 30; version++)
        {
            var saved = await api.PutAsync(created.EditToken, Document(version), version);
            Assert.Equal(System.Net.HttpStatusCode.OK, saved.StatusCode);
        }

        var (count, bytes) = await RevisionsOfAsync(app, created.Id);
        Assert.Equal(5, count);
        Assert.InRange(bytes, 5 * 290_000, 5 * 300_000);
    }

    [Fact]
    public async Task Saving_the_same_document_again_adds_no_revision()
    {
        using var app = new RunningApp();
        using var http = app.CreateHttpClient();
        var api = new DesignsApiClient(http);
        var created = await api.CreateAsync("Same");

        for (var version = 1; version <= 5; version++)
        {
            var saved = await api.PutAsync(created.EditToken, DesignsApiClient.Document("Same"), version);
            Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        }

        Assert.Equal(1, (await RevisionsOfAsync(app, created.Id)).Count);
    }

    private static async Task<(int Count, long Bytes)> RevisionsOfAsync(RunningApp app, Guid designId)
    {
        await using var connection = new SqliteConnection($"Data Source={app.DatabasePath};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*), coalesce(sum(octet_length(DocumentJson)), 0) FROM DesignRevisions WHERE DesignId = $id";
        command.Parameters.AddWithValue("$id", designId.ToString().ToUpperInvariant());
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt32(0), reader.GetInt64(1));
    }
}
