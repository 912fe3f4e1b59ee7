using OneArmDesigner.Import.Emit;

namespace OneArmDesigner.Cli.Commands;

/// <summary>`onearm export`: a design's firewall as a whole ASA running-config.</summary>
public sealed class ExportCommand : IReportingCommand
{
    public string Name => "export";

    public string Summary => "write a firewall of a design as an ASA configuration";

    public string Usage =>
        $"Usage: onearm export {DesignSource.Usage} --asa DEVICE [--out FILE]\n\n" +
        "Writes the firewall DEVICE as an ASA 9.x running-config (interfaces, routes, access lists, NAT as manual NAT in\n" +
        "the design's order, same-security-traffic and tcp-state-bypass) to FILE, or to stdout. What an ASA cannot say is\n" +
        "warned about on stderr. `onearm import --asa FILE` reads it back into the same firewall.\n";

    public int Run(Arguments arguments, TextWriter output, TextWriter error)
    {
        var design = DesignSource.Load(arguments);
        var name = arguments.Required("asa", "name the firewall to export");
        var outFile = arguments.Optional("out");
        arguments.RejectUnknown();
        if (design.FindDevice(name)?.Firewall is null)
        {
            var firewalls = design.Devices.Where(d => d.Firewall is not null).Select(d => d.Name).ToList();
            throw new UsageException($"--asa: '{name}' is not a firewall in this design" + (firewalls.Count > 0 ? $"; firewalls are {string.Join(", ", firewalls)}" : ""));
        }

        var export = AsaConfigWriter.Write(design, name);
        foreach (var warning in export.Warnings)
        {
            error.WriteLine($"onearm export: {warning}");
        }

        if (outFile is null)
        {
            output.Write(export.Configuration);
        }
        else
        {
            OutputFiles.Write("out", outFile, export.Configuration);
        }

        return ExitCodes.Success;
    }
}
