using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using OneArmDesigner.Testing;

namespace OneArmDesigner.Web.Tests.Hosting;

/// <summary>
/// The app outside Development, as users run it: from source (the build output, what <c>dotnet run</c> starts) and
/// published. Both must serve every stylesheet and script the page links, with their content, and show no stack trace.
/// </summary>
public sealed partial class ProductionHostingTests
{
    [Fact]
    public async Task Run_from_source_in_Production_serves_every_linked_style_and_script_with_content()
    {
        using var app = await AppProcess.StartAsync(RepositoryPaths.WebBuildOutput);

        await AssertEveryLinkedAssetHasContent(app);
    }

    [Fact]
    public async Task Published_app_in_Production_serves_every_linked_style_and_script_with_content()
    {
        var output = Directory.CreateTempSubdirectory("onearm-publish-").FullName;
        try
        {
            await Publish(output);
            using var app = await AppProcess.StartAsync(output);

            await AssertEveryLinkedAssetHasContent(app);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public async Task An_error_in_Production_shows_the_friendly_page_and_no_stack_trace()
    {
        using var app = await AppProcess.StartAsync(RepositoryPaths.WebBuildOutput);
        using var client = app.CreateHttpClient();

        var response = await client.GetAsync(new Uri("walkthroughs/one-arm-asymmetric?step=abc", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", html, StringComparison.Ordinal);
        Assert.Contains("Hosting environment: Production", app.Output, StringComparison.Ordinal);
    }

    private static async Task AssertEveryLinkedAssetHasContent(AppProcess app)
    {
        using var client = app.CreateHttpClient();
        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        var assets = LinkedAsset().Matches(html).Select(m => m.Groups["path"].Value).Distinct().ToList();

        Assert.Contains(assets, a => a.Contains("MudBlazor", StringComparison.Ordinal) && a.EndsWith(".css", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.StartsWith("_framework/blazor.web", StringComparison.Ordinal));
        foreach (var asset in assets)
        {
            using var response = await client.GetAsync(new Uri(asset, UriKind.Relative));
            var body = await response.Content.ReadAsByteArrayAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK && body.Length > 0,
                $"{asset}: {(int)response.StatusCode} with {body.Length} bytes");
        }
    }

    private static async Task Publish(string output)
    {
        // The build CI and the test run already made; publishing copies it and adds the compressed assets. Without
        // compiling ahead of time, which the README's publish does: that needs a build for the platform, with its own
        // restore, beside the build output other tests are running the app from, and it changes no static asset.
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "publish", RepositoryPaths.WebProject, "-c", RepositoryPaths.Configuration, "--no-build", "-p:PublishReadyToRun=false", "-o", output })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"dotnet publish failed:\n{await stdout}\n{await stderr}");
    }

    [GeneratedRegex("""(?:href|src)="(?<path>[^"]+\.(?:css|js))"(?!\w)""")]
    private static partial Regex LinkedAsset();
}
