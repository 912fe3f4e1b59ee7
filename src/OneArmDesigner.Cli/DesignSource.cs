using OneArmDesigner.Domain.Documents;
using OneArmDesigner.Domain.Model;
using OneArmDesigner.Domain.Templates;

namespace OneArmDesigner.Cli;

/// <summary>Where a command's design comes from: `--design FILE` or `--template NAME`, exactly one of them.</summary>
public static class DesignSource
{
    public const string Usage = "(--design FILE | --template NAME)";

    public static Design Load(Arguments arguments)
    {
        var file = arguments.Optional("design");
        var template = arguments.Optional("template");
        return (file, template) switch
        {
            (null, null) => throw new UsageException("give the design with --design FILE or --template NAME"),
            (not null, not null) => throw new UsageException("give either --design or --template, not both"),
            (_, not null) => TemplateCatalog.Find(template)?.Create()
                ?? throw new UsageException($"--template: '{template}' is not a template; templates are {TemplateCatalog.KnownNames}"),
            _ => FromFile(file!),
        };
    }

    private static Design FromFile(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--design: cannot read '{path}': {ex.Message}");
        }

        var loaded = JsonText.Load(bytes);
        return loaded.Design
            ?? throw new UsageException($"--design: '{path}' is not a valid design document:\n  " + string.Join("\n  ", loaded.Problems));
    }
}
