using OneArmDesigner.Domain.Documents;
using OneArmDesigner.Import;

namespace OneArmDesigner.Cli.Commands;

/// <summary>`onearm import`: Cisco ASA running-configs and a Meraki organisation in, a laid-out design document out.</summary>
public sealed class ImportCommand : IReportingCommand
{
    public string Name => "import";

    public string Summary => "turn ASA running-configs and a Meraki organisation into a design";

    public string Usage =>
        "Usage: onearm import [--asa FILE ...] [--meraki FILE] [--name NAME] [--out FILE]\n\n" +
        "Reads each --asa file (the text of an ASA 9.x `show running-config`) and the --meraki file (Dashboard API\n" +
        "responses, see docs/import.md), joins the devices by their addresses, places one host per LAN subnet and lays\n" +
        "the design out. Writes the design to FILE, or to stdout; the report (every line not modelled or ignored, and\n" +
        $"every assumption) goes to stderr. Each file may be at most {ImportLimits.MaxFileBytes / (1024 * 1024)} MB; at most {ImportLimits.MaxAsaFiles} --asa files.\n" +
        "Exit status: 0 imported, 2 an input cannot be read (the reason on stderr; no design is written).\n";

    public int Run(Arguments arguments, TextWriter output, TextWriter error)
    {
        var asa = InputFiles.ReadAll(arguments, "asa");
        var meraki = arguments.Optional("meraki") is { } path ? InputFiles.Read("meraki", path) : null;
        var name = arguments.Optional("name");
        var outFile = arguments.Optional("out");
        arguments.RejectUnknown();
        if (asa.Count == 0 && meraki is null)
        {
            throw new UsageException("give at least one --asa FILE or a --meraki FILE");
        }

        var result = ConfigurationImporter.Import(asa, meraki, name);
        if (!result.Succeeded)
        {
            throw new UsageException("cannot import:\n  " + string.Join("\n  ", result.Problems));
        }

        error.Write(result.Report!.ToText());
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
