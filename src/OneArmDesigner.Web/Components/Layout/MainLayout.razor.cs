using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace OneArmDesigner.Web.Components.Layout;

public partial class MainLayout
{
    [Inject]
    private IJSRuntime JS { get; set; } = null!;

    private MudThemeProvider? _themeProvider;
    private bool _isDarkMode;
    private bool _drawerOpen = true;

    /// <summary>True while the dark palette is shown.</summary>
    internal bool IsDarkMode => _isDarkMode;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        await JS.InvokeVoidAsync("oneArm.markCircuitUp");
        if (_themeProvider is not null)
        {
            // Start in the theme the operating system prefers; the toggle overrides it for this session.
            var systemPrefersDark = await _themeProvider.GetSystemDarkModeAsync();
            if (systemPrefersDark != _isDarkMode)
            {
                _isDarkMode = systemPrefersDark;
                StateHasChanged();
            }
        }
    }

    private void ToggleTheme() => _isDarkMode = !_isDarkMode;

    private void ToggleDrawer() => _drawerOpen = !_drawerOpen;
}
