namespace OneArmDesigner.Canvas.Tests.Api;

/// <summary>Finds files of the repository from the test's output folder.</summary>
internal static class RepositoryFiles
{
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "OneArmDesigner.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("Repository root (OneArmDesigner.sln) not found above " + AppContext.BaseDirectory);
        }
    }

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);
}
