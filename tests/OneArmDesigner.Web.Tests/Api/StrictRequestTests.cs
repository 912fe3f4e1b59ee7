using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using OneArmDesigner.Testing;
using OneArmDesigner.Web.Tests.Hosting;

namespace OneArmDesigner.Web.Tests.Api;

/// <summary>
/// The API as users reach it (a Production process): every request is read strictly, and every error, whatever its
/// cause, is problem+json naming what was wrong and where, never a stack trace, an HTML page or an empty body.
/// </summary>
public sealed class StrictRequestTests(ProductionAppFixture production) : IClassFixture<ProductionAppFixture>
{
    private const string Broken = """{"template":"one-arm-asymmetric","from":"LaptopA","to":"LaptopB","port":3389}""";

    private static string InlineDesign(string name) =>
        $$"""{"design":{"schemaVersion":1,"name":"{{name}}","devices":[{"name":"A","kind":"host"},{"name":"B","kind":"host"}],"links":[]},"from":"A","to":"B"}""";

    private static ByteArrayContent Json(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private static ByteArrayContent Json(string text) => Json(Encoding.UTF8.GetBytes(text));

    /// <summary>The text as UTF-8, with the character at <paramref name="marker"/> replaced by one byte UTF-8 never has.</summary>
    private static (byte[] Bytes, int Offset) WithInvalidByte(string text, char marker)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var offset = Encoding.UTF8.GetByteCount(text[..text.IndexOf(marker, StringComparison.Ordinal)]);
        bytes[offset] = 0xC3; // a lead byte with no continuation after it
        return (bytes, offset);
    }

    private async Task<string> CreateDesignAsync(HttpClient client, string name = "Strict")
    {
        var response = await client.PostAsync(new Uri("api/designs", UriKind.Relative),
            Json($$"""{"schemaVersion":1,"name":"{{name}}","devices":[],"links":[]}"""));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadAsStringAsync()) is var json
            ? JsonDocument.Parse(json).RootElement.GetProperty("editToken").GetString()!
            : "";
    }

    [Fact]
    public async Task Invalid_UTF8_in_an_inline_design_is_a_400_naming_the_byte_offset_and_its_field_not_a_500()
    {
        using var client = production.App.CreateHttpClient();
        var (bytes, offset) = WithInvalidByte(InlineDesign("Branch#"), '#');

        var response = await client.PostAsync(new Uri("api/simulations", UriKind.Relative), Json(bytes));

        var problem = await ProblemResponse.ReadAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, problem.Status);
        Assert.Equal($"design.name: is not UTF-8 text: the byte at offset {offset} (0xC3) cannot start or continue a UTF-8 character; send the document as UTF-8",
            Assert.Single(problem.Problems));
    }

    [Fact]
    public async Task Invalid_UTF8_in_a_design_document_is_a_400_naming_the_byte_offset_never_a_replacement_character()
    {
        using var client = production.App.CreateHttpClient();
        var (bytes, offset) = WithInvalidByte("""{"schemaVersion":1,"name":"Z#rich","devices":[],"links":[]}""", '#');

        var response = await client.PostAsync(new Uri("api/designs", UriKind.Relative), Json(bytes));

        var problem = await ProblemResponse.ReadAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, problem.Status);
        Assert.StartsWith($"name: is not UTF-8 text: the byte at offset {offset}", Assert.Single(problem.Problems), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"template":"one-arm-asymmetric","from":"LaptopA",""", "$: not valid JSON")]
    [InlineData("""{"template":"one-arm-asymmetric","from":"LaptopA","to":"LaptopB","port":"3389"}""", "port: has the wrong type for this field")]
    [InlineData("""{"design":5,"from":"A","to":"B"}""", "design: has the wrong type for this field")]
    [InlineData("""[1,2]""", "$: has the wrong type for this field")]
    [InlineData("""null""", "$: the request is empty (null)")]
    [InlineData("", "$: the body is empty")]
    public async Task A_malformed_simulation_request_is_a_400_problem_naming_where_it_breaks(string body, string expected)
    {
        using var client = production.App.CreateHttpClient();

        var response = await client.PostAsync(new Uri("api/simulations", UriKind.Relative), Json(body));

        var problem = await ProblemResponse.ReadAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, problem.Status);
        Assert.Contains(problem.Problems, p => p.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_classroom_request_is_read_as_strictly_as_a_simulation_request()
    {
        using var client = production.App.CreateHttpClient();
        var (bytes, offset) = WithInvalidByte(InlineDesign("Class#"), '#');

        var invalidUtf8 = await ProblemResponse.ReadAsync(await client.PostAsync(new Uri("api/classrooms", UriKind.Relative), Json(bytes)));
        var unknown = await ProblemResponse.ReadAsync(await client.PostAsync(new Uri("api/classrooms", UriKind.Relative),
            Json("""{"template":"one-arm-asymmetric","from":"LaptopA","to":"LaptopB","stepDelay":500}""")));
        var malformed = await ProblemResponse.ReadAsync(await client.PostAsync(new Uri("api/classrooms", UriKind.Relative),
            Json("""{"template":"one-arm-asymmetric","from":""")));

        Assert.Equal(HttpStatusCode.BadRequest, invalidUtf8.Status);
        Assert.StartsWith($"design.name: is not UTF-8 text: the byte at offset {offset}", Assert.Single(invalidUtf8.Problems), StringComparison.Ordinal);
        Assert.StartsWith("stepDelay: unknown property", Assert.Single(unknown.Problems), StringComparison.Ordinal);
        Assert.StartsWith("from: not valid JSON", Assert.Single(malformed.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_property_in_a_request_is_refused_by_name_not_ignored()
    {
        using var client = production.App.CreateHttpClient();

        var response = await client.PostAsync(new Uri("api/simulations", UriKind.Relative),
            Json("""{"template":"one-arm-asymmetric","from":"LaptopA","to":"LaptopB","stepDelay":500}"""));
        var inDesign = await client.PostAsync(new Uri("api/simulations", UriKind.Relative),
            Json("""{"design":{"schemaVersion":1,"colour":"red"},"from":"A","to":"B"}"""));

        var problem = await ProblemResponse.ReadAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, problem.Status);
        Assert.StartsWith("stepDelay: unknown property", Assert.Single(problem.Problems), StringComparison.Ordinal);
        Assert.Contains((await ProblemResponse.ReadAsync(inDesign)).Problems, p => p.StartsWith("design.colour: unknown property", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_server_error_in_Production_is_a_500_problem_and_a_failed_PUT_is_never_re_run_as_a_page()
    {
        // A fault the server cannot recover from: the revisions table vanishes under the running app.
        using var client = production.App.CreateHttpClient();
        var token = await CreateDesignAsync(client, "Doomed");
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(production.App.Folder, "onearm.db")}"))
        {
            await connection.OpenAsync();
            await using var drop = connection.CreateCommand();
            drop.CommandText = "ALTER TABLE DesignRevisions RENAME TO DesignRevisionsGone";
            await drop.ExecuteNonQueryAsync();
        }

        try
        {
            using var put = new HttpRequestMessage(HttpMethod.Put, $"api/designs/{token}") { Content = Json("""{"schemaVersion":1,"name":"x"}""") };
            put.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
            var saved = await client.SendAsync(put);
            var revisions = await client.GetAsync(new Uri($"api/designs/{token}/revisions", UriKind.Relative));

            var problem = await ProblemResponse.ReadAsync(saved);
            Assert.Equal(HttpStatusCode.InternalServerError, problem.Status);
            Assert.DoesNotContain("Sqlite", problem.Body.GetRawText(), StringComparison.OrdinalIgnoreCase);
            Assert.Equal(HttpStatusCode.InternalServerError, (await ProblemResponse.ReadAsync(revisions)).Status);
        }
        finally
        {
            await using var connection = new SqliteConnection($"Data Source={Path.Combine(production.App.Folder, "onearm.db")}");
            await connection.OpenAsync();
            await using var restore = connection.CreateCommand();
            restore.CommandText = "ALTER TABLE DesignRevisionsGone RENAME TO DesignRevisions";
            await restore.ExecuteNonQueryAsync();
        }
    }

    [Fact]
    public async Task An_API_request_the_server_has_no_answer_for_is_problem_json_too()
    {
        using var client = production.App.CreateHttpClient();

        var unknown = await client.GetAsync(new Uri("api/no-such-thing", UriKind.Relative));
        var wrongMethod = await client.DeleteAsync(new Uri("api/simulations", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, (await ProblemResponse.ReadAsync(unknown)).Status);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await ProblemResponse.ReadAsync(wrongMethod)).Status);
    }

    [Fact]
    public async Task Size_limits_count_bytes_not_characters()
    {
        using var client = production.App.CreateHttpClient();

        // 1.1 million characters, 2.2 million bytes: under 2 MB counted in characters, over it counted in bytes.
        var description = new string('é', 1_100_000);
        var design = $$"""{"schemaVersion":1,"name":"Wide","description":"{{description}}","devices":[],"links":[]}""";
        var created = await client.PostAsync(new Uri("api/designs", UriKind.Relative), Json(design));
        var simulated = await client.PostAsync(new Uri("api/simulations", UriKind.Relative),
            Json($$"""{"design":{{design}},"from":"A","to":"B"}"""));

        Assert.True(design.Length < 2 * 1024 * 1024);
        var refused = await ProblemResponse.ReadAsync(created);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.Status);
        Assert.Contains("2 MB", refused.Detail, StringComparison.Ordinal);
        var tooLargeToSimulate = await ProblemResponse.ReadAsync(simulated);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLargeToSimulate.Status);
        Assert.Contains("MaxDesignBytes", tooLargeToSimulate.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HEAD_on_a_design_answers_like_GET_without_the_body()
    {
        using var client = production.App.CreateHttpClient();
        var token = await CreateDesignAsync(client);

        var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"api/designs/{token}"));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal("\"1\"", head.Headers.ETag?.Tag);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("\"01\"")]
    [InlineData("\" 1\"")]
    [InlineData("\"+1\"")]
    [InlineData("W/\"1\"")]
    [InlineData("*")]
    [InlineData("\"1\", \"2\"")]
    [InlineData("1")]
    public async Task If_Match_must_be_the_ETag_exactly_as_GET_gave_it(string ifMatch)
    {
        using var client = production.App.CreateHttpClient();
        var token = await CreateDesignAsync(client, "Before");

        using var put = new HttpRequestMessage(HttpMethod.Put, $"api/designs/{token}") { Content = Json("""{"schemaVersion":1,"name":"After"}""") };
        put.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        var response = await client.SendAsync(put);

        var problem = await ProblemResponse.ReadAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, problem.Status);
        Assert.StartsWith("If-Match: ", Assert.Single(problem.Problems), StringComparison.Ordinal);
        var current = await client.GetStringAsync(new Uri($"api/designs/{token}", UriKind.Relative));
        Assert.Contains("\"Before\"", current, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_position_off_the_canvas_is_refused_naming_the_coordinate()
    {
        using var client = production.App.CreateHttpClient();

        var response = await client.PostAsync(new Uri("api/designs", UriKind.Relative),
            Json("""{"schemaVersion":1,"devices":[{"name":"H","kind":"host","position":{"x":1e308,"y":0}}]}"""));

        var problem = await ProblemResponse.ReadAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, problem.Status);
        Assert.StartsWith("devices[0].position.x: 1E+308 is off the canvas", Assert.Single(problem.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Links_in_answers_never_come_from_the_Host_header()
    {
        using var client = production.App.CreateHttpClient();

        using var request = new HttpRequestMessage(HttpMethod.Post, "api/designs") { Content = Json("""{"schemaVersion":1,"name":"Hosted"}""") };
        request.Headers.Host = "evil.example";
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.StartsWith(production.App.BaseUrl + "/designs/", body.GetProperty("editUrl").GetString(), StringComparison.Ordinal);
        Assert.StartsWith(production.App.BaseUrl + "/designs/", body.GetProperty("viewUrl").GetString(), StringComparison.Ordinal);

        using var classroom = new HttpRequestMessage(HttpMethod.Post, "api/classrooms") { Content = Json(Broken) };
        classroom.Headers.Host = "evil.example";
        var created = JsonDocument.Parse(await (await client.SendAsync(classroom)).Content.ReadAsStringAsync()).RootElement;
        Assert.StartsWith(production.App.BaseUrl + "/classroom/", created.GetProperty("joinUrl").GetString(), StringComparison.Ordinal);
        Assert.StartsWith(production.App.BaseUrl + "/present/", created.GetProperty("presenterUrl").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Links_in_answers_are_built_from_the_configured_public_base_url()
    {
        using var app = await AppProcess.StartAsync(RepositoryPaths.WebBuildOutput,
            settings: new Dictionary<string, string> { ["PublicBaseUrl"] = "https://onearm.example.com/team/" });
        using var client = app.CreateHttpClient();

        using var request = new HttpRequestMessage(HttpMethod.Post, "api/designs") { Content = Json("""{"schemaVersion":1,"name":"Hosted"}""") };
        request.Headers.Host = "evil.example";
        var response = await client.SendAsync(request);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var token = body.GetProperty("editToken").GetString();
        var renewed = await client.PostAsync(new Uri($"api/designs/{token}/view-token", UriKind.Relative), null);

        Assert.Equal($"https://onearm.example.com/team/designs/{token}", body.GetProperty("editUrl").GetString());
        Assert.StartsWith("https://onearm.example.com/team/designs/",
            JsonDocument.Parse(await renewed.Content.ReadAsStringAsync()).RootElement.GetProperty("viewUrl").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_well_formed_request_still_simulates()
    {
        using var client = production.App.CreateHttpClient();

        var response = await client.PostAsync(new Uri("api/simulations", UriKind.Relative), Json(Broken));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("106015", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
