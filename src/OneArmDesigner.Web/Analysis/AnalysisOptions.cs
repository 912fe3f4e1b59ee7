using System.ComponentModel.DataAnnotations;

namespace OneArmDesigner.Web.Analysis;

/// <summary>
/// How much analysis the server does at once and for how long (configuration section <c>Analysis</c>, for example
/// <c>Analysis__MaxConcurrent=2</c>, <c>Analysis__MaxSeconds=10</c>).
/// </summary>
public sealed class AnalysisOptions
{
    public const string Section = "Analysis";

    /// <summary>Analyses running at once; the rest wait their turn. Null (the default) means one per core.</summary>
    [Range(1, 1024)]
    public int? MaxConcurrent { get; set; }

    /// <summary>Each analysis stops after this many seconds and says it is incomplete, keeping what it found.</summary>
    [Range(0.000001, 3600)]
    public double MaxSeconds { get; set; } = 10;

    public int Concurrency => MaxConcurrent ?? Environment.ProcessorCount;

    public TimeSpan Budget => TimeSpan.FromSeconds(MaxSeconds);
}
