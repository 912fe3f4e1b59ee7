namespace OneArmDesigner.Data.Entities;

/// <summary>One follower connected to a classroom (a hub connection or a follower page), so any instance can count them.</summary>
public sealed class ClassroomFollowerEntity
{
    /// <summary>The SignalR connection id (or the follower page's own id); unique across instances.</summary>
    public required string ConnectionId { get; set; }

    public required string Code { get; set; }

    public DateTimeOffset JoinedAt { get; set; }
}
