using OneArmDesigner.Domain.Documents;

namespace OneArmDesigner.Web.Designs;

/// <summary>Checks a design document with the domain's loader and reports every problem by JSON path.</summary>
internal sealed class DesignDocumentChecker : IDesignDocumentChecker
{
    public DocumentCheck Check(string documentJson)
    {
        var loaded = DesignDocument.Load(documentJson);
        return loaded.Succeeded
            ? new DocumentCheck(loaded.Design!.Name, [])
            : new DocumentCheck("Untitled design", [.. loaded.Problems.Select(p => p.ToString())]);
    }
}
