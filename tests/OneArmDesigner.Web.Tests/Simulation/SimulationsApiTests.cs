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
    public async Task A_ttl_sets_what_the_first_packet_starts_with_and_where_it_runs_out_is_the_drop()
    {
        using var http = _app.CreateHttpClient();

        var response = await http.PostAsJsonAsync("api/simulations", new { template = "one-arm-transit-vlan", from = "LaptopA", to = "LaptopB", protocol = "icmp", ttl = 2 });

        var echo = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("packets")[0];
        Assert.Equal("ttl-exceeded", echo.GetProperty("reason").GetString());
        Assert.Equal("MX80-B", echo.GetProperty("dropDevice").GetString());
        Assert.Equal(2, echo.GetProperty("hops")[0].GetProperty("steps")[0].GetProperty("before").GetProperty("inner").GetProperty("ttl").GetInt32());
    }

    [Fact]
    public async Task A_ttl_also_holds_for_a_flow_by_address()
    {
        using var http = _app.CreateHttpClient();

        var response = await http.PostAsJsonAsync("api/simulations", new { template = "one-arm-transit-vlan", from = "10.0.0.2", to = "192.168.1.3", protocol = "icmp", ttl = 2 });

        Assert.Equal("MX80-B", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("packets")[0].GetProperty("dropDevice").GetString());
    }

    [Fact]
    public async Task A_ttl_outside_1_to_255_is_a_400_naming_the_field()
    {
        using var http = _app.CreateHttpClient();

        var response = await http.PostAsJsonAsync("api/simulations", new { template = "one-arm-transit-vlan", from = "LaptopA", to = "LaptopB", ttl = 0 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("ttl: 0 is not a TTL; use 1 to 255",
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems").EnumerateArray().Select(p => p.GetString()));
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
