namespace OneArmDesigner.Web.Hosting;

/// <summary>How the app is hosted whatever the environment: where it listens, and where its static files come from.</summary>
internal static class AppHosting
{
    /// <summary>Where the app listens when nothing (--urls, ASPNETCORE_URLS, ASPNETCORE_HTTP_PORTS) says otherwise.</summary>
    public const string DefaultUrl = "http://localhost:5180";

    /// <summary>
    /// The builder's options: a published app finds its wwwroot/ beside its own files, from whatever folder it was
    /// started in (the content root would otherwise be the working folder, and every static file an empty 200).
    /// </summary>
    public static WebApplicationOptions Options(string[] args)
    {
        var published = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        var startedElsewhere = !Directory.Exists(Path.Combine(Directory.GetCurrentDirectory(), "wwwroot"));
        var told = args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
            || Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT") is not null;
        return new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = Directory.Exists(published) && startedElsewhere && !told ? AppContext.BaseDirectory : null,
        };
    }

    public static WebApplicationBuilder UseOneArmDesignerHostDefaults(this WebApplicationBuilder builder)
    {
        // Run from a build (dotnet run, tests) rather than a publish, the styles and scripts of MudBlazor, the canvas
        // and the top-level wwwroot/ are found through the build's static web assets manifest. ASP.NET Core reads it
        // only in Development; without it every other environment serves each file as an empty 200. A published app
        // has no such manifest, so this does nothing there.
        builder.WebHost.UseStaticWebAssets();

        // The default address lives here rather than in appsettings.json, where it would override ASPNETCORE_URLS
        // (the container's setting) because app configuration is read after the environment.
        var configuration = builder.Configuration;
        if (string.IsNullOrEmpty(configuration["urls"]) && string.IsNullOrEmpty(configuration["http_ports"])
            && string.IsNullOrEmpty(configuration["https_ports"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        return builder;
    }
}
