using Bunit;
using MudBlazor.Services;

namespace OneArmDesigner.Web.Tests.Components;

/// <summary>
/// bUnit context with MudBlazor's services. Disposed asynchronously because MudBlazor registers services that only
/// implement IAsyncDisposable, which a synchronous xUnit v2 disposal would reject.
/// </summary>
public abstract class ComponentTestContext : BunitContext, IAsyncLifetime
{
    protected ComponentTestContext()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();
}
