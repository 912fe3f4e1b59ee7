using OneArmDesigner.Domain.Documents;
using OneArmDesigner.Engine.Analysis;

namespace OneArmDesigner.Web.Designs;

/// <summary>
/// Checks a design document with the domain's loader (every problem by JSON path) and validates the design, so each
/// stored revision keeps its findings.
/// </summary>
internal sealed class DesignDocumentChecker : IDesignDocumentChecker
{
    public DocumentCheck Check(string documentJson)
    {
        var loaded = DesignDocument.Load(documentJson);
        return loaded.Succeeded
            ? new DocumentCheck(loaded.Design!.Name, [], DesignAnalyzer.Validate(loaded.Design))
            : new DocumentCheck("Untitled design", [.. loaded.Problems.Select(p => p.ToString())]);
    }
}
