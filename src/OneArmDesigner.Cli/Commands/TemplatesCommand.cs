using OneArmDesigner.Domain.Documents;
using OneArmDesigner.Domain.Templates;

namespace OneArmDesigner.Cli.Commands;

/// <summary>`onearm templates list | export NAME`: the designs the product ships.</summary>
public sealed class TemplatesCommand : ICommand
{
    public string Name => "templates";

    public string Summary => "list the built-in templates, or export one as a design document";

    public string Usage =>
        "Usage: onearm templates list\n       onearm templates export NAME\n\n" +
        "export prints the template's design document (JSON) on stdout, ready for --design.\n";

    public int Run(Arguments arguments, TextWriter output)
    {
        arguments.RejectUnknown();
        switch (arguments.Positional)
        {
            case ["list"]:
                foreach (var template in TemplateCatalog.All)
                {
                    output.WriteLine($"{template.Name,-22} {template.Title}");
                }

                return ExitCodes.Success;
            case ["export", var name]:
                var found = TemplateCatalog.Find(name)
                    ?? throw new UsageException($"'{name}' is not a template; templates are {TemplateCatalog.KnownNames}");
                output.WriteLine(DesignDocument.Serialize(found.Create()));
                return ExitCodes.Success;
            case ["export"]:
                throw new UsageException("export needs a template name; templates are " + TemplateCatalog.KnownNames);
            default:
                throw new UsageException("use 'templates list' or 'templates export NAME'");
        }
    }
}
