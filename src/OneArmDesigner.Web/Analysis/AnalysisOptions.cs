using System.ComponentModel.DataAnnotations;

namespace OneArmDesigner.Web.Analysis;

/// <summary>
/// How much analysis the server does at once and for how long (configuration section <c>Analysis</c>, for example
/// <c>Analysis__MaxConcurrent=2</c>, <c>Analysis__MaxSeconds=10</c>, <c>Analysis__MaxThreads=4</c>,
/// <c>Analysis__MaxHostPairs=100000000</c>).
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

    /// <summary>
    /// Threads one analysis may use while other cores are idle (it never takes a core another analysis holds); null
    /// (the default) means every core, 1 keeps each analysis to its own thread. The result is the same either way.
    /// </summary>
    [Range(1, 1024)]
    public int? MaxThreads { get; set; }

    /// <summary>
    /// The most ordered host pairs one analysis takes on (its matrix holds a byte or two per pair, so this bounds its
    /// memory): a design with more hosts is saved and checked structurally, and its analysis says it has too many.
    /// The default, 200 million, is about 14,000 hosts.
    /// </summary>
    [Range(1, Engine.Analysis.ReachabilityMatrix.MostHostPairs)]
    public long MaxHostPairs { get; set; } = 200_000_000;

    public int Concurrency => MaxConcurrent ?? Environment.ProcessorCount;

    public int Threads => MaxThreads ?? Environment.ProcessorCount;

    public TimeSpan Budget => TimeSpan.FromSeconds(MaxSeconds);
}
