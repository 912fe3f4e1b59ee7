using OneArmDesigner.Testing;

namespace OneArmDesigner.Web.Tests.Hosting;

/// <summary>
/// An xUnit class fixture: the app as users run it (a separate process from the build output, in Production) shared
/// by a class's tests. Rate limits are off: these tests are about other things and make many requests.
/// </summary>
public sealed class ProductionAppFixture : IAsyncLifetime
{
    public AppProcess App { get; private set; } = null!;

    public async Task InitializeAsync() =>
        App = await AppProcess.StartAsync(RepositoryPaths.WebBuildOutput, settings: new Dictionary<string, string> { ["RateLimits__Enabled"] = "false" });

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }
}
