using OneArmDesigner.Domain.Documents;
using OneArmDesigner.Engine.Analysis;
using OneArmDesigner.Import;
using OneArmDesigner.Import.Emit;

namespace OneArmDesigner.Cli.Commands;

/// <summary>`onearm fix`: applies one fix and writes the fixed design document, or the fix as device commands.</summary>
public sealed class FixCommand : ICommand
{
    private static readonly IReadOnlyDictionary<string, string> Emitters = new Dictionary<string, string>
    {
        ["asa"] = "asa",
        ["meraki"] = "meraki",
    };

    public string Name => "fix";

    public string Summary => "apply a fix offered by validate; write the fixed design, or the fix as ASA commands or Meraki API calls";

    public string Usage =>
        $"Usage: onearm fix {DesignSource.Usage} --apply FIX_ID [--out FILE] [--emit asa|meraki [--asa FILE ...] [--meraki FILE]]\n\n" +
        "Writes the fixed design to FILE, or to stdout. The original is never changed.\n" +
        "--emit asa prints the fix as ASA commands for each firewall it changes; --emit meraki as Dashboard API calls\n" +
        "(method, path, body) for each MX. Give the configurations the design was imported from (--asa, --meraki) and\n" +
        "the commands use their names (ports, access lists, NAT objects, serials, network ids); without them, ASA names\n" +
        "follow `onearm export` and Meraki ids are placeholders. With --emit, the design is written only with --out.\n";

    public int Run(Arguments arguments, TextWriter output)
    {
        var design = DesignSource.Load(arguments);
        var fixId = arguments.Required("apply", "name the fix, as `onearm validate` lists it");
        var outFile = arguments.Optional("out");
        var emit = arguments.Choice<string?>("emit", null, Emitters!);
        var originals = OriginalNames(arguments, emit);
        arguments.RejectUnknown();

        var result = DesignFixes.Apply(design, fixId);
        if (!result.Succeeded)
        {
            throw new UsageException($"--apply: {result.Error}");
        }

        var json = DesignDocument.Serialize(result.Design!);
        if (outFile is not null)
        {
            OutputFiles.Write("out", outFile, json + "\n");
        }

        if (emit is not null)
        {
            var commands = emit == "asa" ? FixCommands.Asa(design, result.Design!, originals) : FixCommands.Meraki(design, result.Design!, originals);
            output.Write(commands.Length > 0 ? commands : $"# the fix changes no {(emit == "asa" ? "firewall" : "MX")}\n");
        }
        else if (outFile is null)
        {
            output.WriteLine(json);
        }

        return ExitCodes.Success;
    }

    /// <summary>The names of the configurations the design came from, read by importing them again.</summary>
    private static ImportedNames? OriginalNames(Arguments arguments, string? emit)
    {
        var asa = InputFiles.ReadAll(arguments, "asa");
        var meraki = arguments.Optional("meraki") is { } path ? InputFiles.Read("meraki", path) : null;
        if (asa.Count == 0 && meraki is null)
        {
            return null;
        }

        if (emit is null)
        {
            throw new UsageException("--asa and --meraki name the original configurations for --emit; give --emit asa or --emit meraki");
        }

        var imported = ConfigurationImporter.Import(asa, meraki);
        return imported.Succeeded
            ? imported.Names
            : throw new UsageException("cannot read the original configurations:\n  " + string.Join("\n  ", imported.Problems));
    }
}
