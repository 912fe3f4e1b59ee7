using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OneArmDesigner.Testing;
using OneArmDesigner.Web.Tests.Designs;

namespace OneArmDesigner.Web.Tests.ScaleOut;

/// <summary>
/// The app on a PostgreSQL and a Redis of its own, which the test stops and starts again: /health says degraded
/// while they are gone, and the app serves again once they are back, without a restart.
/// </summary>
public sealed class LostServicesTests
{
    [SkippableFact]
    public async Task A_lost_database_and_redis_are_reported_degraded_and_the_app_recovers_without_a_restart()
    {
        TestServices.Require();
        var (services, problem) = PrivateServices.Start();
        Assert.True(services is not null, problem);
        using var _ = services;
        using var database = new PostgresDatabase(services.Postgres);
        using var app = new RunningApp(settings: new Dictionary<string, string?>(database.Settings) { ["Redis:Connection"] = services.Redis });
        using var http = app.CreateHttpClient();
        Assert.Equal("Healthy", (await HealthAsync(http)).Status);

        services.Stop();
        var lost = await WaitForAsync(http, "Degraded", h => h.Database == "Degraded" && h.Redis == "Degraded");

        services.Resume();
        await WaitForAsync(http, "Healthy", h => h.Database == "Healthy" && h.Redis == "Healthy");
        var created = await new DesignsApiClient(http).CreateAsync("After the outage");

        Assert.Equal(HttpStatusCode.OK, lost.Code);
        Assert.Equal("After the outage", await new DesignsApiClient(http).NameOfAsync(created.EditToken));
    }

    private sealed record Health(HttpStatusCode Code, string Status, string Database, string Redis);

    private static async Task<Health> HealthAsync(HttpClient http)
    {
        using var response = await http.GetAsync(new Uri("health", UriKind.Relative));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var checks = body.GetProperty("checks");
        return new Health(response.StatusCode, body.GetProperty("status").GetString()!,
            checks.GetProperty("database").GetProperty("status").GetString()!, checks.GetProperty("redis").GetProperty("status").GetString()!);
    }

    /// <summary>Asks /health every half second, up to a minute, until it says what is expected.</summary>
    private static async Task<Health> WaitForAsync(HttpClient http, string status, Func<Health, bool> expected)
    {
        Health? last = null;
        for (var attempt = 0; attempt < 120; attempt++)
        {
            last = await HealthAsync(http);
            if (last.Status == status && expected(last))
            {
                return last;
            }

            await Task.Delay(500);
        }

        throw new TimeoutException($"/health never said {status}; last: {last}");
    }
}
