namespace OneArmDesigner.Data.Entities;

/// <summary>A saved design: its current document plus the hashed share tokens that grant access to it.</summary>
public sealed class DesignEntity
{
    public Guid Id { get; set; }

    public required string Name { get; set; }

    /// <summary>The current design document (versioned JSON, see docs/design-format.md).</summary>
    public required string DocumentJson { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency: every save increments it and a save that names an older value is refused.</summary>
    public int Version { get; set; }

    /// <summary>SHA-256 of the edit token; the token itself is never stored, so a database read does not grant edit access.</summary>
    public required string EditTokenHash { get; set; }

    /// <summary>SHA-256 of the current view token, or null when the view link has been revoked.</summary>
    public string? ViewTokenHash { get; set; }

    /// <summary>Which generation of view token is current; the owner derives it from the edit token.</summary>
    public int ViewTokenGeneration { get; set; }

    /// <summary>The design this one was forked from, if any.</summary>
    public Guid? ForkedFromId { get; set; }

    public List<DesignRevisionEntity> Revisions { get; set; } = [];
}
