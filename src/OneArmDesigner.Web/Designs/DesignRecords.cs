namespace OneArmDesigner.Web.Designs;

/// <summary>A design just created or forked: the only moment its tokens are ever shown in full.</summary>
public sealed record CreatedDesign(Guid Id, string Name, string EditToken, string ViewToken, int Version);

/// <summary>A design opened through a link. <see cref="ViewToken"/> is shown to editors only, and is null once revoked.</summary>
public sealed record OpenedDesign(
    Guid Id, string Name, string DocumentJson, int Version, DesignAccess Access, DateTimeOffset UpdatedAt, string? ViewToken);

/// <summary>
/// A saved revision, newest first in listings. <see cref="Errors"/> and <see cref="Warnings"/> are null until its
/// findings exist; <see cref="Incomplete"/> says the time budget cut them short.
/// </summary>
public sealed record RevisionSummary(int Number, string Name, DateTimeOffset CreatedAt, int? Errors, int? Warnings, bool Incomplete);

/// <summary>The design's state right after a successful save.</summary>
public sealed record SavedDesign(int Version, int RevisionNumber, DateTimeOffset UpdatedAt);

/// <summary>One row of the designs list: what a link this browser holds currently leads to.</summary>
public sealed record DesignSummary(string Token, Guid Id, string Name, DesignAccess Access, DateTimeOffset UpdatedAt);

/// <summary>The latest revision's findings (JSON), or the background job still computing them.</summary>
public sealed record LatestValidation(string? FindingsJson, Analysis.AnalysisJob? Running);
