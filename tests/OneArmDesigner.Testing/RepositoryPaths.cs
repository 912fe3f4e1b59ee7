namespace OneArmDesigner.Testing;

/// <summary>Where things are in the repository the tests were built from.</summary>
public static class RepositoryPaths
{
    /// <summary>The folder holding OneArmDesigner.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The configuration (Debug, Release) these tests were built in, read from their bin/&lt;Configuration&gt;/net10.0/ folder.</summary>
    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;

    /// <summary>The web app's own build output for that configuration: what <c>dotnet run</c> starts.</summary>
    public static string WebBuildOutput => Path.Combine(Root, "src", "OneArmDesigner.Web", "bin", Configuration, "net10.0");

    public static string WebProject => Path.Combine(Root, "src", "OneArmDesigner.Web", "OneArmDesigner.Web.csproj");

    private static string FindRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "OneArmDesigner.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("Run the tests from inside the repository.");
    }
}
