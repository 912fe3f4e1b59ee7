namespace OneArmDesigner.Web.Analysis;

/// <summary>
/// Who asks the <see cref="AnalysisQueue"/> for an analysis. A stored design has one key, so each save supersedes the
/// last; each open design page has its own, so two people editing one design do not cancel each other's findings.
/// </summary>
public static class AnalysisKeys
{
    public static string StoredDesign(Guid designId) => $"design:{designId:N}";

    public static string DesignPage(Guid designId, Guid pageId) => $"design:{designId:N}:page:{pageId:N}";

    /// <summary>The design before a fix, kept apart from the page's own key so the fixed design does not supersede it.</summary>
    public static string Comparison(Guid designId, Guid pageId) => $"design:{designId:N}:page:{pageId:N}:before";
}
