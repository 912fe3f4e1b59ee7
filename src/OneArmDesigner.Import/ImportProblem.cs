namespace OneArmDesigner.Import;

/// <summary>
/// Why an input cannot be imported at all: the file, where in it (a line, or a JSON path) when known, and what is
/// wrong. Any problem means no design is produced.
/// </summary>
public sealed record ImportProblem(string File, string? Location, string Message)
{
    public static ImportProblem AtLine(string file, int line, string message) => new(file, line.ToString(System.Globalization.CultureInfo.InvariantCulture), message);

    public override string ToString() => Location is null ? $"{File}: {Message}" : $"{File}:{Location}: {Message}";
}
