using MudBlazor;

namespace OneArmDesigner.Web.Components.Layout;

/// <summary>
/// The product's palette. Fonts are system fonts on purpose: the page must load with no request leaving the server.
/// </summary>
internal static class AppTheme
{
    private static readonly string[] SystemFonts =
        ["Inter", "Segoe UI", "Roboto", "DejaVu Sans", "Helvetica Neue", "Arial", "sans-serif"];

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1565c0",
            Secondary = "#00897b",
            Tertiary = "#6a1b9a",
            AppbarBackground = "#0d2b4e",
            AppbarText = "#ffffff",
            Background = "#f5f7fa",
            DrawerBackground = "#ffffff",
            Error = "#c62828",
            Success = "#2e7d32",
            Warning = "#ef6c00",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#64b5f6",
            Secondary = "#4db6ac",
            Tertiary = "#ce93d8",
            AppbarBackground = "#0b1624",
            Background = "#101826",
            Surface = "#172233",
            DrawerBackground = "#131d2b",
            Error = "#ef5350",
            Success = "#66bb6a",
            Warning = "#ffa726",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = SystemFonts },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "6px" },
    };
}
