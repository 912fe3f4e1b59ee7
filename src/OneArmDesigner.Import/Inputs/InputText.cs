using System.Globalization;
using System.Text;

namespace OneArmDesigner.Import.Inputs;

/// <summary>
/// Turns an input's bytes into text, or says plainly why it cannot: too large, empty, or not text at all (a binary,
/// a compressed archive, a text in an encoding other than UTF-8).
/// </summary>
internal static class InputText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string? Decode(ImportFile file, List<ImportProblem> problems)
    {
        var bytes = file.Content;
        if (bytes.Length > ImportLimits.MaxFileBytes)
        {
            problems.Add(new(file.Name, null,
                $"the file is {Megabytes(bytes.Length)} MB; a configuration may be at most {Megabytes(ImportLimits.MaxFileBytes)} MB"));
            return null;
        }

        if (Array.IndexOf(bytes, (byte)0) is var zero and >= 0)
        {
            problems.Add(new(file.Name, null,
                $"is not a text file (byte 0x00 at offset {zero}); give the text of `show running-config` or the Meraki JSON file, not a binary or an archive"));
            return null;
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            var offset = ex.Index >= 0 ? $" at offset {ex.Index}" : "";
            problems.Add(new(file.Name, null, $"is not UTF-8 text (an invalid byte{offset}); save the configuration as plain UTF-8 text"));
            return null;
        }

        text = text.TrimStart('\uFEFF');
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add(new(file.Name, null, "is empty"));
            return null;
        }

        var control = text.Count(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'));
        if (control * 20 > text.Length)
        {
            problems.Add(new(file.Name, null, $"is not a text file ({control} control characters in {text.Length}); give the configuration as plain text"));
            return null;
        }

        return text;
    }

    /// <summary>The text's lines, without their line breaks (CR LF, LF or CR).</summary>
    public static string[] Lines(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n') is var lines
        && lines.Length > 1 && lines[^1].Length == 0 ? lines[..^1] : lines;

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.#", CultureInfo.InvariantCulture);
}
