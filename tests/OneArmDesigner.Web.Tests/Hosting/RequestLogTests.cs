using System.Net;
using OneArmDesigner.Testing;
using OneArmDesigner.Web.Security;
using OneArmDesigner.Web.Tests.Designs;

namespace OneArmDesigner.Web.Tests.Hosting;

/// <summary>
/// The request log of the app as users run it (a Production process): every request is there, and no link token
/// ever is. Each appears as a short tag that tells designs apart and opens none of them.
/// </summary>
public sealed class RequestLogTests(ProductionAppFixture production) : IClassFixture<ProductionAppFixture>
{
    [Fact]
    public async Task The_request_log_names_each_token_by_a_short_tag_and_never_writes_one_in_full()
    {
        using var client = production.App.CreateHttpClient();
        var api = new DesignsApiClient(client);
        var created = await api.CreateAsync("Logged");

        await api.GetAsync(created.ViewToken);
        await api.PutAsync(created.EditToken, DesignsApiClient.Document("Logged 2"), 1);
        await client.GetAsync(new Uri($"designs/{created.EditToken}", UriKind.Relative));
        await client.GetAsync(new Uri($"designs/{created.ViewToken}", UriKind.Relative));
        var renewed = await api.PostAsync(created.EditToken, "view-token");
        await api.PostAsync(created.ViewToken, "fork");
        await client.GetAsync(new Uri($"api/designs/{created.EditToken}/revisions/1", UriKind.Relative));

        var editTag = TokenRedaction.Tag(created.EditToken);
        var log = await WaitForLogAsync(() => production.App.Output, $"/designs/{editTag}/revisions/1");
        Assert.DoesNotContain(created.EditToken, log, StringComparison.Ordinal);
        Assert.DoesNotContain(created.ViewToken, log, StringComparison.Ordinal);
        var renewedToken = System.Text.Json.JsonDocument.Parse(await renewed.Content.ReadAsStringAsync()).RootElement.GetProperty("viewToken").GetString()!;
        Assert.DoesNotContain(renewedToken, log, StringComparison.Ordinal);
        Assert.Matches(@"\{token:[0-9a-f]{8}\}", editTag);
        Assert.Contains($"Path: /designs/{editTag}", log, StringComparison.Ordinal);
        Assert.Contains($"Path: /api/designs/{TokenRedaction.Tag(created.ViewToken)}/fork", log, StringComparison.Ordinal);
        Assert.Contains("Method: PUT", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_response_asks_the_browser_not_to_send_the_address_on_as_a_referrer()
    {
        using var client = production.App.CreateHttpClient();
        var created = await new DesignsApiClient(client).CreateAsync("Referred");

        var page = await client.GetAsync(new Uri($"designs/{created.ViewToken}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());
    }

    /// <summary>The console logger writes in the background: wait until the last expected line is out.</summary>
    private static async Task<string> WaitForLogAsync(Func<string> output, string last)
    {
        for (var attempt = 0; attempt < 100 && !output().Contains(last, StringComparison.Ordinal); attempt++)
        {
            await Task.Delay(100);
        }

        return output();
    }
}
