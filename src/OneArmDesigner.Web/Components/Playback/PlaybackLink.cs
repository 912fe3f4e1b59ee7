using System.Globalization;
using OneArmDesigner.Domain.Model;
using OneArmDesigner.Engine.Packets;

namespace OneArmDesigner.Web.Components.Playback;

/// <summary>
/// What a playback's address asks for (<c>?from=LaptopB&amp;to=LaptopA&amp;protocol=tcp&amp;port=3389&amp;step=6&amp;mode=predict</c>)
/// and how a player's position is written back into it, so a link reopens exactly what was shown. Every value is
/// checked: a bad one is a problem naming the parameter, a step past the end is simply the last step.
/// </summary>
public sealed record PlaybackLink(Flow Flow, long? Step, bool Predict)
{
    public const string PredictMode = "predict";

    private static readonly Dictionary<string, Protocol> Protocols = new(StringComparer.OrdinalIgnoreCase)
    {
        ["tcp"] = Protocol.Tcp,
        ["udp"] = Protocol.Udp,
        ["icmp"] = Protocol.Icmp,
    };

    /// <summary>Reads the query values; absent ones take the defaults. Returns every problem, each naming its parameter.</summary>
    public static (PlaybackLink? Link, IReadOnlyList<string> Problems) Read(
        Design design, Flow defaults, string? from, string? to, string? protocol, string? port, string? step, string? mode)
    {
        var problems = new List<string>();
        var hosts = design.Devices.Where(d => d.Kind.IsEndpoint()).Select(d => d.Name).ToList();
        string Host(string? value, string fallback, string name)
        {
            if (value is null)
            {
                return fallback;
            }

            if (!hosts.Contains(value, StringComparer.Ordinal))
            {
                problems.Add($"{name}: '{value}' is not a host in this design; its hosts are {string.Join(", ", hosts)}");
            }

            return value;
        }

        var source = Host(from, defaults.From, "from");
        var destination = Host(to, defaults.To, "to");
        if (source == destination && problems.Count == 0)
        {
            problems.Add($"to: '{destination}' is the same host as from; pick two different hosts");
        }

        var kind = defaults.Protocol;
        if (protocol is not null && !Protocols.TryGetValue(protocol, out kind))
        {
            problems.Add($"protocol: '{protocol}' is not tcp, udp or icmp");
        }

        var portNumber = defaults.DestinationPort;
        if (port is not null && (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out portNumber) || portNumber is < 1 or > 65535))
        {
            problems.Add($"port: '{port}' is not a port; use a whole number from 1 to 65535");
        }

        long? stepNumber = null;
        if (step is not null)
        {
            if (step.Length == 0 || !step.All(char.IsAsciiDigit))
            {
                problems.Add($"step: '{step}' is not a step number; use a whole number (0 for the start)");
            }
            else
            {
                // Any run of digits is a step: one past the end (however far) is the last step.
                stepNumber = long.TryParse(step, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : long.MaxValue;
            }
        }

        if (mode is not null && mode != PredictMode && mode != "watch")
        {
            problems.Add($"mode: '{mode}' is not a mode; use predict or watch");
        }

        return problems.Count > 0
            ? (null, problems)
            : (new PlaybackLink(new Flow(source, destination, kind, portNumber), stepNumber, mode == PredictMode), []);
    }

    /// <summary>The query parameters for a player's position: the flow only when it is not the default one.</summary>
    public static IReadOnlyDictionary<string, object?> Query(PlayerPosition position, Flow defaults)
    {
        var custom = position.Flow.From != defaults.From || position.Flow.To != defaults.To
            || position.Flow.Protocol != defaults.Protocol || position.Flow.DestinationPort != defaults.DestinationPort;
        return new Dictionary<string, object?>
        {
            ["from"] = custom ? position.Flow.From : null,
            ["to"] = custom ? position.Flow.To : null,
            ["protocol"] = custom ? position.Flow.Protocol.ToJsonName() : null,
            ["port"] = custom && position.Flow.Protocol != Protocol.Icmp ? position.Flow.DestinationPort.ToString(CultureInfo.InvariantCulture) : null,
            ["step"] = position.Step == 0 ? null : position.Step.ToString(CultureInfo.InvariantCulture),
            ["mode"] = position.Predict ? PredictMode : null,
        };
    }
}
