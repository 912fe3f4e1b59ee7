namespace OneArmDesigner.Cli;

/// <summary>Writes a command's output file; a path that cannot be written is bad input, named by its option.</summary>
public static class OutputFiles
{
    public static void Write(string option, string path, string text)
    {
        try
        {
            File.WriteAllText(path, text);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--{option}: cannot write '{path}': {ex.Message}");
        }
    }
}
