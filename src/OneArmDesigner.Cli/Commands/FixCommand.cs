using OneArmDesigner.Domain.Documents;
using OneArmDesigner.Engine.Analysis;

namespace OneArmDesigner.Cli.Commands;

/// <summary>`onearm fix`: applies one fix and writes the fixed design document.</summary>
public sealed class FixCommand : ICommand
{
    public string Name => "fix";

    public string Summary => "apply a fix offered by validate and write the fixed design document";

    public string Usage =>
        $"Usage: onearm fix {DesignSource.Usage} --apply FIX_ID [--out FILE]\n\n" +
        "Writes the fixed design to FILE, or to stdout. The original is never changed.\n";

    public int Run(Arguments arguments, TextWriter output)
    {
        var design = DesignSource.Load(arguments);
        var fixId = arguments.Required("apply", "name the fix, as `onearm validate` lists it");
        var outFile = arguments.Optional("out");
        arguments.RejectUnknown();

        var result = DesignFixes.Apply(design, fixId);
        if (!result.Succeeded)
        {
            throw new UsageException($"--apply: {result.Error}");
        }

        var json = DesignDocument.Serialize(result.Design!);
        if (outFile is null)
        {
            output.WriteLine(json);
        }
        else
        {
            OutputFiles.Write("out", outFile, json + "\n");
        }

        return ExitCodes.Success;
    }
}
