namespace OneArmDesigner.Engine.Analysis;

public enum Severity
{
    Error,
    Warning,
    Info,
}

/// <summary>A fix a finding offers. <see cref="Id"/> is what `onearm fix --apply` and the app's button take.</summary>
public sealed record FixOption(string Id, string Title, string Explanation);

/// <summary>
/// Something wrong (or worth knowing) about a design: a stable upper-case <see cref="Code"/>, a severity, the devices,
/// interfaces and links involved, an explanation a trainee understands, the evidence, and the fixes that apply.
/// </summary>
public sealed record Finding(string Code, Severity Severity, IReadOnlyList<string> Devices, string Message, string? Evidence, IReadOnlyList<FixOption> Fixes)
{
    /// <summary>The interfaces involved, as "Device:interface".</summary>
    public IReadOnlyList<string> Interfaces { get; init; } = [];

    /// <summary>The cables involved, as indexes into the design's link list (for a traced finding, its example's path).</summary>
    public IReadOnlyList<int> Links { get; init; } = [];
}

/// <summary>Every finding of one validation, errors first.</summary>
public sealed record ValidationReport(IReadOnlyList<Finding> Findings)
{
    /// <summary>Why the analysis stopped before it saw every host pair (the findings are then what it found), or null.</summary>
    public string? Incomplete { get; init; }

    /// <summary>
    /// How many host pairs the analysis had decided when it stopped, for an incomplete report (0 for a complete one): of
    /// two incomplete reports of the same design, the one that decided more found at least as much.
    /// </summary>
    public long PairsDecided { get; init; }

    public bool Complete => Incomplete is null;

    public bool HasErrors => Findings.Any(f => f.Severity == Severity.Error);

    public int Count(Severity severity) => Findings.Count(f => f.Severity == severity);
}
