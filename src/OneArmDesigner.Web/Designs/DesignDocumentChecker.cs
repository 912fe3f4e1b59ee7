using OneArmDesigner.Domain.Documents;
using OneArmDesigner.Engine.Analysis;

namespace OneArmDesigner.Web.Designs;

/// <summary>
/// Checks a design document with the domain's loader (every problem by JSON path) and hashes its content. It does not
/// analyse the design: that runs in the background (<see cref="Analysis.AnalysisQueue"/>), so a save answers at once.
/// </summary>
internal sealed class DesignDocumentChecker : IDesignDocumentChecker
{
    public DocumentCheck Check(string documentJson)
    {
        var loaded = DesignDocument.Load(documentJson);
        return loaded.Succeeded
            ? new DocumentCheck(loaded.Design!.Name, [], loaded.Design, DesignContentHash.Of(loaded.Design))
            : new DocumentCheck("Untitled design", [.. loaded.Problems.Select(p => p.ToString())]);
    }
}
