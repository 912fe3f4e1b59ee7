using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using OneArmDesigner.Testing;
using OneArmDesigner.Web.Designs;

namespace OneArmDesigner.Web.Tests.Designs;

/// <summary>
/// The designs API's rules (access, revisions, concurrency), on each database the app can run on: the concrete
/// classes at the end pick one. The app starts inside the first test, so a missing PostgreSQL skips rather than fails.
/// </summary>
public abstract class DesignsApiTests(DatabaseAppFixture fixture) : IDisposable
{
    private HttpClient? _client;

    protected RunningApp App => fixture.App;

    protected HttpClient Http => _client ??= App.CreateHttpClient();

    private protected DesignsApiClient Api => new(Http);

    public void Dispose()
    {
        _client?.Dispose();
        GC.SuppressFinalize(this);
    }

    [SkippableFact]
    public async Task Create_returns_201_with_distinct_edit_and_view_links()
    {
        var response = await Api.PostAsync(DesignsApiClient.Document("HQ"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<DesignsApiClient.Created>(JsonSerializerOptions.Web))!;
        Assert.Equal("HQ", created.Name);
        Assert.NotEqual(created.EditToken, created.ViewToken);
        Assert.Equal($"{App.BaseUrl}/designs/{created.EditToken}", created.EditUrl);
        Assert.Equal($"{App.BaseUrl}/designs/{created.ViewToken}", created.ViewUrl);
    }

    [SkippableFact]
    public async Task Either_token_reads_the_document_and_says_which_access_it_grants()
    {
        var created = await Api.CreateAsync("Read me");

        var asEditor = await Api.GetAsync(created.EditToken);
        var asViewer = await Api.GetAsync(created.ViewToken);

        Assert.Equal("edit", asEditor.Headers.GetValues("X-Design-Access").Single());
        Assert.Equal("view", asViewer.Headers.GetValues("X-Design-Access").Single());
        Assert.Equal("\"1\"", asEditor.Headers.ETag?.Tag);
        Assert.Equal("Read me", await Api.NameOfAsync(created.ViewToken));
    }

    [SkippableFact]
    public async Task Save_with_the_edit_token_bumps_the_version_and_records_a_revision()
    {
        var created = await Api.CreateAsync("v1");

        var saved = await Api.PutAsync(created.EditToken, DesignsApiClient.Document("v2"), baseVersion: 1);

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("\"2\"", saved.Headers.ETag?.Tag);
        Assert.Equal("v2", await Api.NameOfAsync(created.EditToken));
        var revisions = await Http.GetFromJsonAsync<JsonElement>($"api/designs/{created.EditToken}/revisions");
        Assert.Equal([2, 1], revisions.EnumerateArray().Select(r => r.GetProperty("number").GetInt32()));
        var first = await Http.GetStringAsync(new Uri($"api/designs/{created.ViewToken}/revisions/1", UriKind.Relative));
        Assert.Contains("\"v1\"", first);
    }

    [SkippableFact]
    public async Task The_latest_revisions_findings_are_served_as_onearm_validate_writes_them()
    {
        var response = await Api.PostAsync(OneArmDesigner.Domain.Documents.DesignDocument.Serialize(OneArmDesigner.Domain.Templates.SeedTemplates.Asymmetric()));
        var created = (await response.Content.ReadFromJsonAsync<DesignsApiClient.Created>(JsonSerializerOptions.Web))!;

        var validation = await Api.FindingsAsync(created.ViewToken);

        var codes = validation.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("code").GetString());
        Assert.Contains("ASYMMETRIC_ROUTING_STATEFUL", codes);
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync(new Uri("api/designs/no-such-token/validation", UriKind.Relative))).StatusCode);
    }

    [SkippableFact]
    public async Task Save_with_the_view_token_is_refused_with_403_and_changes_nothing()
    {
        var created = await Api.CreateAsync("Original");

        var response = await Api.PutAsync(created.ViewToken, DesignsApiClient.Document("Vandalised"), baseVersion: 1);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Original", await Api.NameOfAsync(created.EditToken));
    }

    [SkippableFact]
    public async Task Unknown_or_malformed_tokens_answer_404()
    {
        var unknown = ShareToken.Create();

        Assert.Equal(HttpStatusCode.NotFound, (await Api.GetAsync(unknown)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.GetAsync("not-a-token")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.PutAsync(unknown, DesignsApiClient.Document("x"), 1)).StatusCode);
    }

    [SkippableFact]
    public async Task A_stale_save_is_refused_with_409_and_the_newer_work_survives()
    {
        var created = await Api.CreateAsync("Base");
        Assert.Equal(HttpStatusCode.OK, (await Api.PutAsync(created.EditToken, DesignsApiClient.Document("Tab A"), 1)).StatusCode);

        var stale = await Api.PutAsync(created.EditToken, DesignsApiClient.Document("Tab B"), baseVersion: 1);

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("saved elsewhere", await stale.Content.ReadAsStringAsync());
        Assert.Equal("Tab A", await Api.NameOfAsync(created.EditToken));
    }

    [SkippableFact]
    public async Task A_save_without_If_Match_is_refused_with_428()
    {
        var created = await Api.CreateAsync();

        var response = await Api.PutAsync(created.EditToken, DesignsApiClient.Document("blind"), baseVersion: null);

        Assert.Equal(HttpStatusCode.PreconditionRequired, response.StatusCode);
    }

    [SkippableFact]
    public async Task A_bad_document_gets_400_listing_the_problem_and_creates_nothing()
    {
        var response = await Api.PostAsync("{\"schemaVersion\":1, \"name\": ");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.NotEmpty(problem.RootElement.GetProperty("problems").EnumerateArray());
    }

    [SkippableFact]
    public async Task Fork_makes_an_editable_copy_with_new_links_and_leaves_the_original_alone()
    {
        var original = await Api.CreateAsync("Shared");

        var forkResponse = await Api.PostAsync(original.ViewToken, "fork");
        Assert.Equal(HttpStatusCode.Created, forkResponse.StatusCode);
        var fork = (await forkResponse.Content.ReadFromJsonAsync<DesignsApiClient.Created>(JsonSerializerOptions.Web))!;
        Assert.NotEqual(original.Id, fork.Id);
        Assert.Equal(HttpStatusCode.OK, (await Api.PutAsync(fork.EditToken, DesignsApiClient.Document("My copy"), 1)).StatusCode);

        Assert.Equal("My copy", await Api.NameOfAsync(fork.ViewToken));
        Assert.Equal("Shared", await Api.NameOfAsync(original.ViewToken));
    }

    [SkippableFact]
    public async Task Regenerating_the_view_token_revokes_the_old_view_link()
    {
        var created = await Api.CreateAsync();

        var response = await Api.PostAsync(created.EditToken, "view-token");
        var renewed = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("viewToken").GetString()!;

        Assert.Equal(HttpStatusCode.NotFound, (await Api.GetAsync(created.ViewToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.GetAsync(renewed)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.GetAsync(created.EditToken)).StatusCode);
    }

    [SkippableFact]
    public async Task Only_the_edit_token_can_manage_the_view_link()
    {
        var created = await Api.CreateAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await Api.PostAsync(created.ViewToken, "view-token")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Api.DeleteAsync($"{created.ViewToken}/view-token")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Api.DeleteAsync(created.ViewToken)).StatusCode);
    }

    [SkippableFact]
    public async Task A_revoked_view_link_answers_404_from_the_api_and_the_page()
    {
        var created = await Api.CreateAsync();
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync(new Uri($"designs/{created.ViewToken}", UriKind.Relative))).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await Api.DeleteAsync($"{created.EditToken}/view-token")).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await Api.GetAsync(created.ViewToken)).StatusCode);
        var page = await Http.GetAsync(new Uri($"designs/{created.ViewToken}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("A shared link may have been revoked", await page.Content.ReadAsStringAsync());
    }

    [SkippableFact]
    public void Generated_tokens_never_repeat_and_are_not_sequential()
    {
        var tokens = Enumerable.Range(0, 2000).Select(_ => ShareToken.Create()).ToList();

        Assert.Equal(tokens.Count, tokens.Distinct().Count());
        Assert.All(tokens, token => Assert.True(ShareToken.LooksValid(token)));
        // Adjacent tokens share no long common prefix, as counters or timestamps would.
        Assert.All(tokens.Zip(tokens.Skip(1)), pair => Assert.NotEqual(pair.First[..8], pair.Second[..8]));
    }

    [SkippableFact]
    public async Task A_document_over_the_size_limit_is_refused_with_413()
    {
        var padding = new string(' ', DesignsApi.MaxDocumentBytes + 10);

        var response = await Api.PostAsync(DesignsApiClient.Document("Huge") + padding);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [SkippableFact]
    public async Task The_OpenAPI_document_describes_the_designs_api()
    {
        var openApi = await Http.GetStringAsync(new Uri("openapi/v1.json", UriKind.Relative));

        Assert.Contains("/api/designs/{token}/fork", openApi);
        Assert.Contains("/api/designs/{token}/view-token", openApi);
    }
}

public sealed class DesignsApiOnPostgresTests(PostgresAppFixture fixture) : DesignsApiTests(fixture), IClassFixture<PostgresAppFixture>;

public sealed class DesignsApiOnSqliteTests(SqliteAppFixture fixture) : DesignsApiTests(fixture), IClassFixture<SqliteAppFixture>
{
    [Fact]
    public async Task Tokens_carry_256_random_bits_and_only_their_hashes_are_stored()
    {
        var created = await Api.CreateAsync("Secret");

        foreach (var token in new[] { created.EditToken, created.ViewToken })
        {
            var bytes = Convert.FromBase64String(token.Replace('-', '+').Replace('_', '/') + "=");
            Assert.Equal(32, bytes.Length);
        }

        await using var connection = new SqliteConnection($"Data Source={App.DatabasePath};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT EditTokenHash, ViewTokenHash FROM Designs WHERE Name = 'Secret'";
        await using var row = await command.ExecuteReaderAsync();
        Assert.True(await row.ReadAsync());
        Assert.Equal(ShareToken.Hash(created.EditToken), row.GetString(0));
        Assert.Equal(ShareToken.Hash(created.ViewToken), row.GetString(1));
        Assert.DoesNotContain(created.EditToken, await File.ReadAllTextAsync(App.DatabasePath));
    }
}
