using OneArmDesigner.Domain.Model;

namespace OneArmDesigner.Web.Designs;

/// <summary>
/// The outcome of checking a design document before it is stored: its name, the loaded design and its content hash
/// (for the analysis that follows in the background), or every problem that keeps it from loading.
/// </summary>
public sealed record DocumentCheck(string Name, IReadOnlyList<string> Problems, Design? Design = null, string? ContentHash = null);

/// <summary>Checks a design document before the store accepts it, so nothing invalid is ever half-saved.</summary>
public interface IDesignDocumentChecker
{
    DocumentCheck Check(string documentJson);
}
