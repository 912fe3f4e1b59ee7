namespace OneArmDesigner.Web.Designs;

/// <summary>
/// The outcome of checking a design document before it is stored: its name and the findings of validating it, or
/// every problem that keeps it from loading.
/// </summary>
public sealed record DocumentCheck(string Name, IReadOnlyList<string> Problems, Engine.Analysis.ValidationReport? Findings = null);

/// <summary>Checks a design document before the store accepts it, so nothing invalid is ever half-saved.</summary>
public interface IDesignDocumentChecker
{
    DocumentCheck Check(string documentJson);
}
