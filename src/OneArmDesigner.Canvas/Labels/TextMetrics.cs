namespace OneArmDesigner.Canvas.Labels;

/// <summary>
/// Estimates how wide a line of label text is, without a browser to measure it. The advances are those of DejaVu Sans,
/// wider than most system sans-serif faces, so a label laid out from them fits wherever the browser draws it.
/// </summary>
internal static class TextMetrics
{
    /// <summary>Line height as a multiple of the font size: a glyph cell (ascent + descent) with a little air.</summary>
    public const double LineHeight = 1.2;

    private const double Wide = 0.99;
    private const double Default = 0.66;

    /// <summary>The width of <paramref name="text"/> at <paramref name="fontSize"/>, in the same units.</summary>
    public static double Width(string text, double fontSize)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ems = 0.0;
        foreach (var c in text)
        {
            ems += Advance(c);
        }

        return ems * fontSize;
    }

    private static double Advance(char c) => c switch
    {
        ' ' or '.' or ',' or '·' or '\'' or '|' or 'i' or 'j' or 'l' or 'I' or 'J' => 0.32,
        ':' or ';' or '/' or '\\' or 'f' or 't' or '-' or '(' or ')' or '[' or ']' => 0.4,
        'r' => 0.42,
        >= '0' and <= '9' => 0.64,
        'm' => 0.98,
        'w' or 'M' => 0.87,
        'W' => Wide,
        >= 'a' and <= 'z' => 0.64,
        'O' or 'Q' or 'G' or 'D' or 'C' or 'H' or 'N' or 'U' => 0.79,
        >= 'A' and <= 'Z' => 0.7,
        _ => char.IsAscii(c) ? Default : 0.9,
    };
}
