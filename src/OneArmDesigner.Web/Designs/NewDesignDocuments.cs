using OneArmDesigner.Domain.Documents;
using OneArmDesigner.Domain.Model;

namespace OneArmDesigner.Web.Designs;

/// <summary>Documents for designs started from scratch.</summary>
public static class NewDesignDocuments
{
    public static string Empty(string name = "Untitled design") => DesignDocument.Serialize(Design.Empty(name));
}
