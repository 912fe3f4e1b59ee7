using System.Text;

namespace OneArmDesigner.Import;

/// <summary>What became of one input: its kind, the device(s) it gave, and how many of its lines were modelled.</summary>
public sealed record FileSummary(string File, string Kind, string Devices, int Lines, int Modelled, int Ignored, int NotModelled, int Comments)
{
    public override string ToString() => Kind == "Meraki Dashboard"
        ? $"{File} ({Kind}): {Devices}; {Ignored} entries ignored, {NotModelled} not modelled"
        : $"{File} ({Kind}, {Devices}): {Lines} lines: {Modelled} modelled, {Ignored} ignored, {NotModelled} not modelled, {Comments} comments";
}

/// <summary>
/// Everything an import did not carry over, and every assumption it made: per file a summary, every line (or JSON
/// entry) ignored or not modelled with its reason, and the topology's notes (segments, hosts placed, addresses
/// nobody owns). Nothing is dropped silently.
/// </summary>
public sealed record ImportReport(IReadOnlyList<FileSummary> Files, IReadOnlyList<LineNote> Lines, IReadOnlyList<string> Notes)
{
    public int NotModelledCount => Lines.Count(l => l.Disposition == LineDisposition.NotModelled);

    public int IgnoredCount => Lines.Count(l => l.Disposition == LineDisposition.Ignored);

    /// <summary>The report as `onearm import` prints it on stderr: summaries, not-modelled lines, notes, ignored lines.</summary>
    public string ToText()
    {
        var text = new StringBuilder();
        foreach (var file in Files)
        {
            text.AppendLine(file.ToString());
        }

        AppendSection(text, "Not modelled — results may differ:", Lines.Where(l => l.Disposition == LineDisposition.NotModelled).Select(l => $"  {l.File}:{l.Location}: {l.Text} — {l.Reason}"));
        AppendSection(text, "Notes:", Notes.Select(n => $"  {n}"));
        AppendSection(text, "Ignored (cannot change forwarding):", Lines.Where(l => l.Disposition == LineDisposition.Ignored).Select(l => $"  {l.File}:{l.Location}: {l.Text} — {l.Reason}"));
        return text.ToString();
    }

    private static void AppendSection(StringBuilder text, string title, IEnumerable<string> lines)
    {
        var list = lines.ToList();
        if (list.Count == 0)
        {
            return;
        }

        text.AppendLine(title);
        foreach (var line in list)
        {
            text.AppendLine(line);
        }
    }
}
