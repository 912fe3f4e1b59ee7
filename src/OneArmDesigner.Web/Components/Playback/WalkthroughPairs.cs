using OneArmDesigner.Domain.Templates;

namespace OneArmDesigner.Web.Components.Playback;

/// <summary>Which walkthrough shows the fix for a broken one, so the end of the broken one can lead there.</summary>
public static class WalkthroughPairs
{
    public static string? FixedVersionOf(string template) =>
        template == SeedTemplates.AsymmetricName ? SeedTemplates.TransitVlanName : null;
}
