using System.Net;
using System.Net.WebSockets;
using System.Text.RegularExpressions;
using OneArmDesigner.Testing;
using OneArmDesigner.Web.Classroom;
using OneArmDesigner.Web.Simulation;

namespace OneArmDesigner.Web.Tests.Security;

/// <summary>Every response tells the browser what the app allows; live connections come from the app's own pages only.</summary>
public sealed partial class SecurityHeadersTests : IClassFixture<RunningAppFixture>
{
    private readonly RunningApp _app;

    public SecurityHeadersTests(RunningAppFixture app) => _app = app.App;

    [Theory]
    [InlineData("/")]
    [InlineData("/walkthroughs/one-arm-asymmetric")]
    [InlineData("/_content/MudBlazor/MudBlazor.min.css")]
    [InlineData("/api/designs/no-such-token")]
    [InlineData("/api/classrooms/NOSUCH")]
    [InlineData("/classroom")]
    [InlineData("/health")]
    [InlineData("/no/such/page")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        using var client = _app.CreateHttpClient();

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        var csp = Header(response, "Content-Security-Policy");
        Assert.Matches(ScriptSources(), csp);
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Contains("camera=()", Header(response, "Permissions-Policy"), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), "HSTS over plain HTTP means nothing and is not sent");
    }

    [Fact]
    public async Task The_one_inline_script_carries_this_responses_nonce_and_the_nonce_changes_every_time()
    {
        using var client = _app.CreateHttpClient();

        var first = await client.GetAsync(new Uri("/", UriKind.Relative));
        var second = await client.GetAsync(new Uri("/", UriKind.Relative));

        var nonce = ScriptSources().Match(Header(first, "Content-Security-Policy")).Groups["nonce"].Value;
        var html = await first.Content.ReadAsStringAsync();
        var inline = InlineScript().Matches(html).Select(m => m.Value).ToList();
        Assert.All(inline, script => Assert.Contains($"nonce=\"{nonce}\"", script, StringComparison.Ordinal));
        Assert.Contains(inline, script => script.Contains("importmap", StringComparison.Ordinal));
        Assert.NotEqual(nonce, ScriptSources().Match(Header(second, "Content-Security-Policy")).Groups["nonce"].Value);
    }

    [Fact]
    public async Task Over_HTTPS_through_a_trusted_proxy_the_answer_carries_HSTS()
    {
        using var app = new RunningApp(settings: new Dictionary<string, string?> { ["ForwardedHeaders:TrustedProxies:0"] = "127.0.0.1" });
        using var client = app.CreateHttpClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.StartsWith("max-age=31536000", Header(response, "Strict-Transport-Security"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/_blazor")]
    [InlineData(SimulationHub.Path)]
    [InlineData(ClassroomHub.Path)]
    public async Task A_WebSocket_from_another_origin_is_refused_and_one_from_the_apps_own_origin_is_accepted(string path)
    {
        var address = new Uri(_app.BaseUrl.Replace("http://", "ws://", StringComparison.Ordinal) + path);

        using var foreign = new ClientWebSocket();
        foreign.Options.SetRequestHeader("Origin", "http://evil.example");
        foreign.Options.CollectHttpResponseDetails = true;
        await Assert.ThrowsAsync<WebSocketException>(() => foreign.ConnectAsync(address, CancellationToken.None));

        using var own = new ClientWebSocket();
        own.Options.SetRequestHeader("Origin", _app.BaseUrl);
        await own.ConnectAsync(address, CancellationToken.None);

        Assert.Equal(HttpStatusCode.Forbidden, foreign.HttpStatusCode);
        Assert.Equal(WebSocketState.Open, own.State);
        await own.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
    }

    [Fact]
    public async Task A_negotiation_from_another_origin_is_refused_with_a_problem_and_a_configured_origin_is_let_in()
    {
        using var app = new RunningApp(settings: new Dictionary<string, string?> { ["AllowedOrigins:0"] = "https://teach.example.org" });
        using var client = app.CreateHttpClient();

        async Task<HttpResponseMessage> NegotiateFrom(string origin)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, SimulationHub.Path.TrimStart('/') + "/negotiate?negotiateVersion=1");
            request.Headers.Add("Origin", origin);
            return await client.SendAsync(request);
        }

        var foreign = await NegotiateFrom("http://evil.example");
        var configured = await NegotiateFrom("https://teach.example.org");

        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal("application/problem+json", foreign.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, configured.StatusCode);
    }

    private static string Header(HttpResponseMessage response, string name)
    {
        Assert.True(response.Headers.TryGetValues(name, out var values), $"{name} is missing on {response.RequestMessage?.RequestUri}");
        return values.Single();
    }

    [GeneratedRegex("script-src 'self' 'nonce-(?<nonce>[0-9a-f]{32})';")]
    private static partial Regex ScriptSources();

    [GeneratedRegex("<script(?![^>]*\\ssrc=)[^>]*>")]
    private static partial Regex InlineScript();
}
