namespace OneArmDesigner.Web.Classroom;

/// <summary>Live classroom settings, bound from configuration section "Classroom" (README, Configure it).</summary>
public sealed class ClassroomOptions
{
    public const string Section = "Classroom";

    /// <summary>A session the presenter has not touched for this long has expired: it answers 404 and is purged.</summary>
    public double IdleHours { get; set; } = 8;

    /// <summary>Join calls one hub connection may make per minute; a flood beyond it is refused, the session goes on.</summary>
    public int JoinsPerConnectionPerMinute { get; set; } = 10;

    /// <summary>Joins with an unknown or expired code one client address may make per minute: bounds code guessing.</summary>
    public int FailedJoinsPerAddressPerMinute { get; set; } = 30;

    /// <summary>
    /// Requests to the classroom API and hub connections one client address may open per minute. Generous: a whole
    /// class behind one school NAT shares an address.
    /// </summary>
    public int RequestsPerAddressPerMinute { get; set; } = 1200;

    public TimeSpan IdleLimit => TimeSpan.FromHours(IdleHours);
}
