namespace OneArmDesigner.Data.Entities;

/// <summary>
/// A live classroom: one presenter driving a walkthrough that followers watch. It lives in the database so every app
/// instance behind a load balancer sees the same session, whichever one the presenter and each follower reached.
/// </summary>
public sealed class ClassroomEntity
{
    /// <summary>The six-character join code followers type; the key.</summary>
    public required string Code { get; set; }

    /// <summary>SHA-256 of the presenter token; the token itself is never stored.</summary>
    public required string PresenterTokenHash { get; set; }

    /// <summary>What the class sees at the top of the page: the walkthrough's title or the design's name.</summary>
    public required string Title { get; set; }

    /// <summary>The design as it was when the session started (a saved design may change later; the class does not).</summary>
    public required string DocumentJson { get; set; }

    public required string FlowFrom { get; set; }

    public required string FlowTo { get; set; }

    /// <summary>tcp, udp or icmp.</summary>
    public required string FlowProtocol { get; set; }

    public int FlowPort { get; set; }

    /// <summary>The presenter's step, 1-based; 0 before the first.</summary>
    public int Step { get; set; }

    /// <summary>Counts the questions asked so far; the open (or last) question has this number.</summary>
    public int QuestionNumber { get; set; }

    /// <summary>The latest question's kind (next-device, disposition), or null when none has been asked.</summary>
    public string? QuestionKind { get; set; }

    /// <summary>The step the open question was asked at.</summary>
    public int QuestionStep { get; set; }

    /// <summary>True once the presenter has revealed the answer; answers are then no longer taken.</summary>
    public bool QuestionRevealed { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The presenter's last action; a session idle longer than the configured limit has expired.</summary>
    public DateTimeOffset LastActivityAt { get; set; }

    /// <summary>Set when the presenter ends the session.</summary>
    public DateTimeOffset? EndedAt { get; set; }
}
