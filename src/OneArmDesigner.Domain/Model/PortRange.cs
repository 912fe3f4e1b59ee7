using System.Globalization;

namespace OneArmDesigner.Domain.Model;

/// <summary>
/// The TCP or UDP ports an access-list entry matches, from <see cref="From"/> to <see cref="To"/> inclusive. ASA's
/// operators all map onto it: <c>eq 80</c> is 80-80, <c>lt 1024</c> is 1-1023, <c>gt 1023</c> is 1024-65535 and
/// <c>range 5000 5010</c> is itself; <c>neq 80</c> is two entries (1-79 and 81-65535) with the same action.
/// </summary>
public readonly record struct PortRange(int From, int To)
{
    public const int Lowest = 1;
    public const int Highest = 65535;

    public bool IsSinglePort => From == To;

    public bool Contains(int port) => port >= From && port <= To;

    /// <summary>A single port, so that a rule can still be written with a plain port number.</summary>
    public static implicit operator PortRange(int port) => new(port, port);

    /// <summary>The ASA operator form: "eq 3389", "lt 1024", "gt 1023" or "range 5000 5010".</summary>
    public override string ToString() => (From, To) switch
    {
        _ when IsSinglePort => $"eq {Text(From)}",
        (Lowest, Highest) => $"range {Text(From)} {Text(To)}",
        (Lowest, _) => $"lt {Text(To + 1)}",
        (_, Highest) => $"gt {Text(From - 1)}",
        _ => $"range {Text(From)} {Text(To)}",
    };

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);
}
