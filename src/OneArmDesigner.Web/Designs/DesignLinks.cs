namespace OneArmDesigner.Web.Designs;

/// <summary>The browser addresses of a design's links. Edit and view links share one route; the token decides access.</summary>
public static class DesignLinks
{
    public static string Relative(string token) => $"/designs/{token}";

    /// <summary>The link as users open it, under the app's public address (<see cref="Hosting.PublicBaseUrl"/>).</summary>
    public static string Absolute(Hosting.PublicBaseUrl publicBase, string token) => publicBase.Link(Relative(token));
}
