namespace OneArmDesigner.Web.Designs;

/// <summary>The outcome of checking a design document before it is stored: its name, or every problem found.</summary>
public sealed record DocumentCheck(string Name, IReadOnlyList<string> Problems);

/// <summary>Checks a design document before the store accepts it, so nothing invalid is ever half-saved.</summary>
public interface IDesignDocumentChecker
{
    DocumentCheck Check(string documentJson);
}
