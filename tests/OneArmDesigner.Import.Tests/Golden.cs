namespace OneArmDesigner.Import.Tests;

/// <summary>Compares output with a golden file under Configurations/; UPDATE_GOLDEN=1 rewrites the file in the source tree instead.</summary>
internal static class Golden
{
    public static void Matches(string relative, string actual)
    {
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(Path.Combine(SourceFolder(), relative), actual);
            return;
        }

        Assert.Equal(Configurations.Text(relative), actual);
    }

    private static string SourceFolder()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "OneArmDesigner.Import.Tests.csproj")))
        {
            folder = folder.Parent;
        }

        return Path.Combine(folder?.FullName ?? throw new InvalidOperationException("Run from the test project's output folder."), "Configurations");
    }
}
