using OneArmDesigner.Import;

namespace OneArmDesigner.Cli;

/// <summary>Reads the configuration files a command names, as raw bytes for the importer; an unreadable one is bad input.</summary>
public static class InputFiles
{
    public static ImportFile Read(string option, string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (info.Exists && info.Length > ImportLimits.MaxFileBytes)
            {
                throw new UsageException($"--{option}: '{path}' is {info.Length / (1024 * 1024.0):0.#} MB; a configuration may be at most {ImportLimits.MaxFileBytes / (1024 * 1024)} MB");
            }

            return new ImportFile(Path.GetFileName(path), File.ReadAllBytes(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--{option}: cannot read '{path}': {ex.Message}");
        }
    }

    /// <summary>Every value of a repeatable option (`--asa A --asa B`), or none.</summary>
    public static IReadOnlyList<ImportFile> ReadAll(Arguments arguments, string option) =>
        [.. arguments.All(option).Select(path => Read(option, path))];
}
