using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OneArmDesigner.Testing;

namespace OneArmDesigner.Web.Tests.Simulation;

public sealed class SimulationsApiTests : IClassFixture<RunningAppFixture>
{
    private readonly RunningApp _app;

    public SimulationsApiTests(RunningAppFixture app) => _app = app.App;

    [Fact]
    public async Task Posting_a_template_flow_returns_the_whole_trace_in_the_cli_json_shape()
    {
        using var http = _app.CreateHttpClient();

        var response = await http.PostAsJsonAsync("api/simulations", new { template = "one-arm-asymmetric", from = "LaptopA", to = "LaptopB", port = 3389 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("failed", json.RootElement.GetProperty("verdict").GetString());
        var synAck = json.RootElement.GetProperty("packets")[1];
        Assert.Equal("no-session", synAck.GetProperty("reason").GetString());
        Assert.Equal("ASA", synAck.GetProperty("dropDevice").GetString());
    }

    [Fact]
    public async Task A_saved_design_is_simulated_by_its_link_token()
    {
        using var http = _app.CreateHttpClient();
        var created = await (await http.PostAsync(new Uri("api/designs", UriKind.Relative),
            new StringContent(Domain.Documents.DesignDocument.Serialize(Domain.Templates.SeedTemplates.TransitVlan()), System.Text.Encoding.UTF8, "application/json")))
            .Content.ReadFromJsonAsync<JsonElement>();

        var response = await http.PostAsJsonAsync("api/simulations", new { designToken = created.GetProperty("viewToken").GetString(), from = "LaptopA", to = "LaptopB" });

        Assert.Equal("completed", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("verdict").GetString());
    }

    [Fact]
    public async Task A_bad_request_gets_400_with_every_problem()
    {
        using var http = _app.CreateHttpClient();

        var response = await http.PostAsJsonAsync("api/simulations", new { template = "nope", protocol = "sctp" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problems = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems").EnumerateArray().Select(p => p.GetString()).ToList();
        Assert.Contains(problems, p => p!.StartsWith("template: 'nope'", StringComparison.Ordinal));
        Assert.Contains("from: is missing; name the host that starts the exchange", problems);
        Assert.Contains("protocol: 'sctp' is not tcp, udp or icmp", problems);
    }
}
