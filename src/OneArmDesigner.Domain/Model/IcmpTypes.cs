namespace OneArmDesigner.Domain.Model;

/// <summary>
/// ICMP message types (RFC 792) by the keywords an ASA access list uses for them ("echo-reply", "unreachable"...), so
/// rules read the way an ASA engineer writes them. Numbers outside this table are still valid types.
/// </summary>
public static class IcmpTypes
{
    public const int EchoReply = 0;
    public const int Unreachable = 3;
    public const int Echo = 8;
    public const int TimeExceeded = 11;

    /// <summary>Destination unreachable, code 3: nothing listens on the UDP port.</summary>
    public const int PortUnreachableCode = 3;

    /// <summary>Time exceeded, code 0: the TTL ran out in transit.</summary>
    public const int TtlExceededCode = 0;

    /// <summary>The ASA keywords, in type order.</summary>
    public static IReadOnlyList<(int Type, string Keyword)> Keywords { get; } =
    [
        (0, "echo-reply"), (3, "unreachable"), (4, "source-quench"), (5, "redirect"), (6, "alternate-address"),
        (8, "echo"), (9, "router-advertisement"), (10, "router-solicitation"), (11, "time-exceeded"),
        (12, "parameter-problem"), (13, "timestamp-request"), (14, "timestamp-reply"), (15, "information-request"),
        (16, "information-reply"), (17, "mask-request"), (18, "mask-reply"), (30, "traceroute"), (31, "conversion-error"), (32, "mobile-redirect"),
    ];

    /// <summary>The ASA keyword for a type ("echo-reply"), or the number itself when there is none.</summary>
    public static string Keyword(int type)
    {
        foreach (var (number, keyword) in Keywords)
        {
            if (number == type)
            {
                return keyword;
            }
        }

        return type.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Error messages report on another packet (RFC 1122: no ICMP error is ever sent about one of them).</summary>
    public static bool IsError(int type) => type is 3 or 4 or 5 or 11 or 12;
}
