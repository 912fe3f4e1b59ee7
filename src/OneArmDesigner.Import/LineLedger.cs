namespace OneArmDesigner.Import;

/// <summary>
/// What became of every line of one text input. Parsing records a first verdict per line; mapping to the model may
/// revise it (an access list nobody applies turns out to be ignored). <see cref="Notes"/> then lists every line that
/// is neither modelled nor a comment, consecutive lines with the same verdict and reason folded into one range, so
/// nothing is dropped silently.
/// </summary>
internal sealed class LineLedger(string file, IReadOnlyList<string> lines)
{
    private enum Mark
    {
        Unread,
        Blank,
        Comment,
        Modelled,
        Ignored,
        NotModelled,
    }

    private readonly Mark[] _marks = new Mark[lines.Count + 1];
    private readonly string?[] _reasons = new string?[lines.Count + 1];

    public string File => file;

    public void Blank(int line) => Set(line, Mark.Blank, null);

    public void Comment(int line) => Set(line, Mark.Comment, null);

    public void Modelled(int line) => Set(line, Mark.Modelled, null);

    public void Ignored(int line, string reason) => Set(line, Mark.Ignored, reason);

    public void NotModelled(int line, string reason) => Set(line, Mark.NotModelled, reason);

    /// <summary>Whether mapping has already judged this line as not modelled (a finer reason than a later blanket one).</summary>
    public bool IsNotModelled(int line) => _marks[line] == Mark.NotModelled;

    public bool IsModelled(int line) => _marks[line] == Mark.Modelled;

    public int Count(LineDisposition? disposition)
    {
        var wanted = disposition switch
        {
            LineDisposition.Ignored => Mark.Ignored,
            LineDisposition.NotModelled => Mark.NotModelled,
            _ => Mark.Modelled,
        };
        return _marks.Count(m => m == wanted);
    }

    public int Comments => _marks.Count(m => m == Mark.Comment);

    /// <summary>Lines with content: everything but blank lines.</summary>
    public int ContentLines => _marks.Skip(1).Count(m => m != Mark.Blank);

    /// <summary>Every line that is not modelled, a comment or blank, folded into ranges. A line nobody judged is reported as not recognised.</summary>
    public IReadOnlyList<LineNote> Notes()
    {
        var notes = new List<LineNote>();
        for (var line = 1; line < _marks.Length; line++)
        {
            if (_marks[line] == Mark.Unread)
            {
                Set(line, Mark.NotModelled, "not recognised by the importer");
            }

            if (_marks[line] is not (Mark.Ignored or Mark.NotModelled))
            {
                continue;
            }

            var end = line;
            while (end + 1 < _marks.Length && _marks[end + 1] == _marks[line] && _reasons[end + 1] == _reasons[line])
            {
                end++;
            }

            var disposition = _marks[line] == Mark.Ignored ? LineDisposition.Ignored : LineDisposition.NotModelled;
            notes.Add(new LineNote(file, line, end, disposition, Shorten(lines[line - 1].Trim()), _reasons[line]!));
            line = end;
        }

        return notes;
    }

    private void Set(int line, Mark mark, string? reason)
    {
        if (line >= 1 && line < _marks.Length)
        {
            _marks[line] = mark;
            _reasons[line] = reason;
        }
    }

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..117] + "...";
}
