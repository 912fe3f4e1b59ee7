using OneArmDesigner.Domain.Model;
using OneArmDesigner.Engine.Analysis;

namespace OneArmDesigner.Web.Analysis;

/// <summary>
/// What the analysis queue runs for each job. The app uses the engine's <see cref="DesignAnalyzer"/>; tests put a
/// controllable one in its place to hold a job running while they look at the queue.
/// </summary>
public interface IAnalysisEngine
{
    DesignAnalysis Analyze(Design design, AnalysisLimits limits);
}

internal sealed class DesignAnalyzerEngine : IAnalysisEngine
{
    public DesignAnalysis Analyze(Design design, AnalysisLimits limits) => DesignAnalyzer.Analyze(design, limits);
}
