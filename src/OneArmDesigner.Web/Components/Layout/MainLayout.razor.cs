using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace OneArmDesigner.Web.Components.Layout;

public partial class MainLayout
{
    /// <summary>The cookie that remembers the theme the person chose ("dark" or "light").</summary>
    public const string ThemeCookie = "onearm-theme";

    [Inject]
    private IJSRuntime JS { get; set; } = null!;

    private MudThemeProvider? _themeProvider;
    private bool _isDarkMode;
    private bool _drawerOpen = true;

    /// <summary>The theme the person chose, read from its cookie while prerendering and carried into the live page.</summary>
    [PersistentState]
    public string? ChosenTheme { get; set; }

    /// <summary>Present while prerendering, for the theme cookie.</summary>
    [CascadingParameter]
    private HttpContext? HttpContext { get; set; }

    /// <summary>True while the dark palette is shown.</summary>
    internal bool IsDarkMode => _isDarkMode;

    /// <summary>The remembered theme is applied in the prerendered page already, so a reload never flashes the other one.</summary>
    protected override void OnInitialized()
    {
        ChosenTheme ??= HttpContext?.Request.Cookies[ThemeCookie] switch
        {
            "dark" => "dark",
            "light" => "light",
            _ => null,
        };
        _isDarkMode = ChosenTheme == "dark";
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        await JS.InvokeVoidAsync("oneArm.markCircuitUp");
        if (_themeProvider is not null && ChosenTheme is null)
        {
            // With no choice remembered, start in the theme the operating system prefers.
            var systemPrefersDark = await _themeProvider.GetSystemDarkModeAsync();
            if (systemPrefersDark != _isDarkMode)
            {
                _isDarkMode = systemPrefersDark;
                StateHasChanged();
            }
        }
    }

    private async Task ToggleTheme()
    {
        _isDarkMode = !_isDarkMode;
        ChosenTheme = _isDarkMode ? "dark" : "light";
        await JS.InvokeVoidAsync("oneArm.rememberTheme", ThemeCookie, ChosenTheme);
    }

    private void ToggleDrawer() => _drawerOpen = !_drawerOpen;
}
