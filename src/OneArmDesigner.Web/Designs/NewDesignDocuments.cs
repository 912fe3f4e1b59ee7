namespace OneArmDesigner.Web.Designs;

/// <summary>Documents for designs started from scratch.</summary>
public static class NewDesignDocuments
{
    public static string Empty(string name = "Untitled design") =>
        $$"""{"schemaVersion":1,"name":"{{name}}","devices":[],"links":[]}""";
}
