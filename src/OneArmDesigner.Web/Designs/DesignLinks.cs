namespace OneArmDesigner.Web.Designs;

/// <summary>The browser addresses of a design's links. Edit and view links share one route; the token decides access.</summary>
public static class DesignLinks
{
    public static string Relative(string token) => $"/designs/{token}";

    public static string Absolute(HttpRequest request, string token) =>
        $"{request.Scheme}://{request.Host}{request.PathBase}{Relative(token)}";
}
