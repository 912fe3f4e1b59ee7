namespace OneArmDesigner.Import.Asa;

/// <summary>One line of a running-config: its number, its indentation, its text and its words.</summary>
internal sealed record AsaLine(int Number, int Indent, string Text, string[] Words)
{
    public string Word(int index) => index < Words.Length ? Words[index] : "";

    /// <summary>The text after the first <paramref name="count"/> words, as written (descriptions, remarks).</summary>
    public string Rest(int count)
    {
        var text = Text.TrimStart();
        for (var i = 0; i < count && text.Length > 0; i++)
        {
            var space = text.IndexOfAny([' ', '\t']);
            text = space < 0 ? "" : text[space..].TrimStart();
        }

        return text;
    }

    public override string ToString() => Text.Trim();
}

/// <summary>A top-level command and the indented sub-commands under it (an interface, an object, a policy-map...).</summary>
internal sealed record AsaBlock(AsaLine Head, IReadOnlyList<AsaLine> Children)
{
    public IEnumerable<AsaLine> AllLines => Children.Prepend(Head);
}

/// <summary>Splits a running-config into top-level blocks, keeping line numbers; comments and blank lines are set apart.</summary>
internal static class AsaSource
{
    public static List<AsaBlock> Read(IReadOnlyList<string> lines, LineLedger ledger)
    {
        var blocks = new List<AsaBlock>();
        AsaLine? head = null;
        List<AsaLine> children = [];
        for (var i = 0; i < lines.Count; i++)
        {
            var number = i + 1;
            var text = lines[i].TrimEnd();
            var trimmed = text.TrimStart();
            if (trimmed.Length == 0)
            {
                ledger.Blank(number);
                continue;
            }

            if (IsComment(trimmed))
            {
                ledger.Comment(number);
                continue;
            }

            var line = new AsaLine(number, text.Length - trimmed.Length, text, Words(trimmed));
            if (line.Indent > 0 && head is not null)
            {
                children.Add(line);
                continue;
            }

            if (head is not null)
            {
                blocks.Add(new AsaBlock(head, children));
            }

            (head, children) = (line with { Indent = 0 }, []);
        }

        if (head is not null)
        {
            blocks.Add(new AsaBlock(head, children));
        }

        return blocks;
    }

    /// <summary>
    /// `!` lines, `:` lines of the show output (": Saved", ": end") and the checksum. A line that merely contains "!"
    /// (a banner, a description) is not a comment.
    /// </summary>
    private static bool IsComment(string trimmed) =>
        trimmed.StartsWith('!') || trimmed.StartsWith(':') || trimmed.StartsWith("Cryptochecksum:", StringComparison.Ordinal);

    /// <summary>Words split on blanks, stopping at an inline "!" comment (seen in hand-edited files).</summary>
    private static string[] Words(string trimmed)
    {
        var words = trimmed.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var bang = Array.FindIndex(words, w => w.StartsWith('!'));
        return bang > 0 && words[0] is not ("description" or "banner" or "remark") && !trimmed.Contains(" remark ", StringComparison.Ordinal)
            ? words[..bang]
            : words;
    }
}
