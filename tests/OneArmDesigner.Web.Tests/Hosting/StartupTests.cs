using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneArmDesigner.Data;
using OneArmDesigner.Testing;

namespace OneArmDesigner.Web.Tests.Hosting;

public sealed class StartupTests : IClassFixture<RunningAppFixture>
{
    private readonly RunningApp _app;

    public StartupTests(RunningAppFixture app) => _app = app.App;

    [Fact]
    public async Task Health_reports_healthy_with_the_database_check()
    {
        using var client = _app.CreateHttpClient();

        var response = await client.GetAsync(new Uri("health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", body.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Startup_creates_the_database_file_and_applies_every_migration()
    {
        Assert.True(File.Exists(_app.DatabasePath));
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneArmDesignerDbContext>();

        var applied = await db.Database.GetAppliedMigrationsAsync();
        var pending = await db.Database.GetPendingMigrationsAsync();

        Assert.NotEmpty(applied);
        Assert.Empty(pending);
        Assert.Equal(0, await db.Designs.CountAsync());
    }

    [Fact]
    public async Task Static_files_are_served_from_the_top_level_wwwroot()
    {
        using var client = _app.CreateHttpClient();
        var onDisk = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "wwwroot", "favicon.svg"));

        var response = await client.GetAsync(new Uri("favicon.svg", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(onDisk, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Home_page_renders_the_product_layout()
    {
        using var client = _app.CreateHttpClient();

        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Contains("OneArmDesigner", html);
        Assert.Contains("mud-appbar", html);
    }

    [Fact]
    public async Task Unknown_address_gets_a_friendly_404_page()
    {
        using var client = _app.CreateHttpClient();

        var response = await client.GetAsync(new Uri("no/such/page", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("No route to this page", html);
        Assert.DoesNotContain("Exception", html);
    }
}
