using System.Text.Json.Serialization;

namespace OneArmDesigner.Import;

/// <summary>How the importer treated a line it did not turn into the model.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LineDisposition>))]
public enum LineDisposition
{
    /// <summary>The line cannot change forwarding (logging, SNMP, AAA, banners...).</summary>
    [JsonStringEnumMemberName("ignored")]
    Ignored,

    /// <summary>The line could change forwarding, and the model does not express it: results may differ.</summary>
    [JsonStringEnumMemberName("not-modelled")]
    NotModelled,
}

/// <summary>
/// A line (or a block of lines, <see cref="Line"/> to <see cref="EndLine"/>) of an input the design does not carry,
/// with the reason. For a JSON input the location is a JSON path and the line numbers are 0.
/// </summary>
public sealed record LineNote(string File, int Line, int EndLine, LineDisposition Disposition, string Text, string Reason, string? JsonPath = null)
{
    public string Location => JsonPath ?? (EndLine > Line ? $"{Line}-{EndLine}" : $"{Line}");

    public string Verdict => Disposition == LineDisposition.Ignored ? "ignored" : "not modelled — results may differ";

    public override string ToString() => $"{File}:{Location}: {Verdict}: {Text} ({Reason})";
}
