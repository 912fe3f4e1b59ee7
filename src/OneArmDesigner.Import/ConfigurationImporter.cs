using OneArmDesigner.Domain.Documents;
using OneArmDesigner.Import.Asa;
using OneArmDesigner.Import.Inputs;
using OneArmDesigner.Import.Layout;
using OneArmDesigner.Import.Meraki;
using OneArmDesigner.Import.Topology;

namespace OneArmDesigner.Import;

/// <summary>
/// Turns real configurations into a design: any number of Cisco ASA running-configs and at most one Meraki file.
/// Each input is checked (size, text, vendor), read line by line into the model with a verdict on every line, the
/// devices are joined by their addresses, hosts placed, and the result laid out. Pure: it reads only what it is given.
/// </summary>
public static class ConfigurationImporter
{
    public static ImportResult Import(IReadOnlyList<ImportFile> asa, ImportFile? meraki, string? designName = null)
    {
        var problems = new List<ImportProblem>();
        if (asa.Count == 0 && meraki is null)
        {
            return ImportResult.Failed([new ImportProblem("input", null, "give at least one ASA configuration or a Meraki file")]);
        }

        if (asa.Count > ImportLimits.MaxAsaFiles)
        {
            return ImportResult.Failed([new ImportProblem("input", null, $"{asa.Count} ASA configurations given; an import takes at most {ImportLimits.MaxAsaFiles}")]);
        }

        var names = new ImportedNames();
        var summaries = new List<FileSummary>();
        var lines = new List<LineNote>();
        var firewalls = new List<ImportedFirewall>();
        foreach (var file in asa)
        {
            if (ReadAsa(file, problems, lines) is { } read)
            {
                firewalls.Add(read.Firewall);
                summaries.Add(read.Summary);
            }
        }

        var mxs = new List<ImportedMx>();
        if (meraki is not null && ReadMeraki(meraki, problems, lines) is { } organisation)
        {
            mxs.AddRange(organisation.Appliances);
            summaries.Add(organisation.Summary);
        }

        if (problems.Count > 0)
        {
            return ImportResult.Failed(problems);
        }

        var notes = new List<string>();
        var sources = asa.Select(a => a.Name).Concat(meraki is null ? [] : [meraki.Name]);
        var name = string.IsNullOrWhiteSpace(designName)
            ? "Imported: " + string.Join(", ", firewalls.Select(f => f.Device.Name).Concat(mxs.Select(m => m.Device.Name)))
            : designName.Trim();
        var design = TopologyBuilder.Build(name, $"Imported from {string.Join(", ", sources)} by the configuration importer.", firewalls, mxs, notes);
        design = LayeredLayout.Apply(design);

        var consistency = DesignConsistency.Check(design);
        if (consistency.Count > 0)
        {
            return ImportResult.Failed([.. consistency.Select(p => new ImportProblem("import", null, $"the imported design is not well-formed: {p}"))]);
        }

        // The topology keeps the devices' order (firewalls, then MX units) and only renames clashing ones.
        foreach (var (firewall, device) in firewalls.Zip(design.Devices.Where(d => d.Kind == Domain.Model.DeviceKind.Firewall)))
        {
            names.Firewalls[device.Name] = firewall.Naming;
        }

        foreach (var (mx, device) in mxs.Zip(design.Devices.Where(d => d.Kind == Domain.Model.DeviceKind.Mx)))
        {
            names.Appliances[device.Name] = (mx.Serial, mx.NetworkId);
        }

        return new ImportResult(design, new ImportReport(summaries, lines, notes), [], names);
    }

    private static (ImportedFirewall Firewall, FileSummary Summary)? ReadAsa(ImportFile file, List<ImportProblem> problems, List<LineNote> notes)
    {
        if (InputText.Decode(file, problems) is not { } text)
        {
            return null;
        }

        var lines = InputText.Lines(text);
        if (VendorGuess.NotAsa(text, lines) is { } why)
        {
            problems.Add(new ImportProblem(file.Name, null, why));
            return null;
        }

        var ledger = new LineLedger(file.Name, lines);
        var before = problems.Count;
        var config = AsaParser.Parse(file.Name, lines, ledger, problems);
        if (problems.Count > before)
        {
            return null;
        }

        if (Truncation(text, lines, config) is { } truncated)
        {
            problems.Add(new ImportProblem(file.Name, null, truncated));
            return null;
        }

        var firewall = AsaToModel.Map(config, file.Name, Path.GetFileNameWithoutExtension(file.Name), ledger, problems);
        if (firewall.Device.Interfaces.Count == 0)
        {
            problems.Add(new ImportProblem(file.Name, null,
                "has no interface with a nameif and an IPv4 address, so there is no firewall to draw: import the whole running-config, interfaces included (is the file truncated?)"));
            return null;
        }

        notes.AddRange(ledger.Notes());
        return (firewall, new FileSummary(file.Name, "Cisco ASA", firewall.Device.Name, ledger.ContentLines,
            ledger.Count(null), ledger.Count(LineDisposition.Ignored), ledger.Count(LineDisposition.NotModelled), ledger.Comments));
    }

    /// <summary>
    /// Whether the text stops before its end: `show running-config` output that begins ": Saved" but never reaches its
    /// ": end", or a last line cut short (unreadable, with no line break after it).
    /// </summary>
    private static string? Truncation(string text, string[] lines, AsaConfig config)
    {
        var last = Array.FindLastIndex(lines, l => l.Trim().Length > 0);
        if (lines.Length > 0 && lines[0].StartsWith(": Saved", StringComparison.Ordinal) && !lines.Any(l => l.Trim() == ": end"))
        {
            return $"is truncated: it starts like `show running-config` output (\": Saved\") but stops at line {last + 1} without the closing \": end\"";
        }

        return config.UnreadableLines.Contains(last + 1) && !text.EndsWith('\n')
            ? $"is truncated: its last line ({last + 1}: `{lines[last].Trim()}`) is cut short"
            : null;
    }

    private static (List<ImportedMx> Appliances, FileSummary Summary)? ReadMeraki(ImportFile file, List<ImportProblem> problems, List<LineNote> notes)
    {
        if (InputText.Decode(file, problems) is not { } text)
        {
            return null;
        }

        var start = text.TrimStart();
        if (!start.StartsWith('{') && !start.StartsWith('['))
        {
            problems.Add(new ImportProblem(file.Name, null, VendorGuess.NotAsa(text, InputText.Lines(text)) is null
                ? "is an ASA configuration, not a Meraki file; give it with --asa"
                : "is not a Meraki file: expected a JSON object whose keys are Dashboard API paths (docs/import.md)"));
            return null;
        }

        var fileNotes = new List<LineNote>();
        var before = problems.Count;
        var organisation = MerakiReader.Read(file.Name, text, problems, fileNotes);
        if (organisation is null || problems.Count > before)
        {
            return null;
        }

        var mxs = MerakiToModel.Map(file.Name, organisation, problems, fileNotes);
        if (problems.Count > before)
        {
            return null;
        }

        notes.AddRange(fileNotes);
        var devices = mxs.Count == 0 ? "no MX" : string.Join(", ", mxs.Select(m => $"{m.Device.Name} {m.Device.Mx!.Mode.ToString().ToLowerInvariant()}"));
        return (mxs, new FileSummary(file.Name, "Meraki Dashboard", devices, 0, 0,
            fileNotes.Count(n => n.Disposition == LineDisposition.Ignored), fileNotes.Count(n => n.Disposition == LineDisposition.NotModelled), 0));
    }
}
