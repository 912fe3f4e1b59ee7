using OneArmDesigner.Domain.Model;
using OneArmDesigner.Engine.Tracing;

namespace OneArmDesigner.Engine.Training;

/// <summary>
/// The decisions of a traced exchange, as questions a trainee answers before each is shown: for every packet, what
/// becomes of it (delivered, or dropped by which device and why), asked as it sets off; and at every cable crossing
/// where the device had more than one neighbour to choose from, which device it goes to next. The wrong options are
/// what a person could believe from the drawing: the device's other neighbours; the other devices on the packet's path
/// that could drop it, for the reasons such devices drop packets. Deterministic: the same trace gives the same quiz.
/// </summary>
public static class PredictionQuestions
{
    private const int MaxOptions = 4;

    public static IReadOnlyList<PredictionQuestion> For(Design design, ExchangeResult result)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(result);
        var neighbours = Neighbours(design);
        var questions = new List<PredictionQuestion>();
        var index = 0;
        for (var p = 0; p < result.Packets.Count; p++)
        {
            var packet = result.Packets[p];
            var steps = packet.Steps.ToList();
            var first = index;
            var destination = p % 2 == 0 ? result.Flow.To : result.Flow.From;
            questions.Add(Outcome(design, packet, destination, steps, first, questions.Count + 1));
            for (var s = 0; s < steps.Count; s++)
            {
                if (steps[s].Crossing is { } crossing
                    && neighbours.GetValueOrDefault(steps[s].Device, []) is { Count: > 1 } around
                    && around.Contains(crossing.ToDevice))
                {
                    questions.Add(NextDevice(packet.Kind, steps, s, first, around, crossing.ToDevice, questions.Count + 1));
                }
            }

            index += steps.Count;
        }

        return questions;
    }

    private static PredictionQuestion NextDevice(string packet, List<Step> steps, int s, int first, IReadOnlyList<string> around, string next, int number)
    {
        var device = steps[s].Device;
        var options = Arrange([next, .. around.Where(n => n != next).Take(MaxOptions - 1)], number)
            .Select(n => new PredictionOption($"device:{n}", n)).ToList();

        // The narration of what this device did with the packet since it took it in: why it chose that neighbour.
        var hopStart = s;
        while (hopStart > 0 && steps[hopStart - 1].Device == device && steps[hopStart - 1].Action != StepAction.Receive)
        {
            hopStart--;
        }

        // Asked before the device's first decision (its route lookup gives the answer away), shown at the crossing.
        return new PredictionQuestion(number, PredictionKind.NextDevice, packet, first + hopStart, first + s,
            $"Where does {device} send the {packet} next?", options, $"device:{next}",
            [.. Enumerable.Range(first + hopStart, s - hopStart + 1)]);
    }

    /// <param name="destination">Where the packet is going: requests go to the flow's destination, replies come back.</param>
    private static PredictionQuestion Outcome(Design design, PacketTrace packet, string destination, List<Step> steps, int first, int number)
    {
        var right = packet.Delivered
            ? Delivered(destination)
            : Dropped(packet.DropDevice ?? steps[^1].Device, packet.Reason ?? DropReason.NoRoute);
        var wrong = new List<PredictionOption>();
        if (!packet.Delivered)
        {
            wrong.Add(Delivered(destination));
        }

        foreach (var device in steps.Select(s => s.Device).Distinct().Select(design.FindDevice).OfType<Device>())
        {
            foreach (var reason in ReasonsAt(device))
            {
                wrong.Add(Dropped(device.Name, reason));
            }
        }

        var options = Arrange([right, .. wrong.Where(o => o.Key != right.Key).DistinctBy(o => o.Key).Take(MaxOptions - 1)], number);
        var source = steps[0].Device;
        return new PredictionQuestion(number, PredictionKind.Outcome, packet.Kind, first, first + steps.Count - 1,
            $"{source} sends the {packet.Kind} to {destination}. What becomes of it?", options, right.Key, [first + steps.Count - 1]);
    }

    private static IEnumerable<DropReason> ReasonsAt(Device device) => device switch
    {
        { Firewall: not null } => [DropReason.NoSession, DropReason.AclDeny],
        { Kind: DeviceKind.Mx or DeviceKind.Router or DeviceKind.L3Switch } => [DropReason.NoRoute],
        _ => [],
    };

    private static PredictionOption Delivered(string device) => new($"delivered:{device}", $"It arrives at {device}.");

    private static PredictionOption Dropped(string device, DropReason reason) =>
        new($"dropped:{device}:{reason.ToJsonName()}", $"{device} drops it: {Because(reason)}.");

    private static string Because(DropReason reason) => reason switch
    {
        DropReason.NoSession => "no connection matches it (it never saw the packet that would have opened one)",
        DropReason.InvalidTcpState => "it is not valid in its connection's state",
        DropReason.AclDeny => "an access list denies it",
        DropReason.SameSecurityDenied => "both interfaces have the same security level",
        DropReason.HairpinDenied => "it would leave by the interface it came in on",
        DropReason.NoRoute => "it has no route to the destination",
        DropReason.NeighborUnreachable => "the next hop does not answer on the segment",
        DropReason.Loop => "the packet is going round in a loop",
        DropReason.TtlExceeded => "its time to live ran out",
        DropReason.VpnDown => "the VPN tunnel to the peer is down",
        DropReason.PortClosed => "nothing listens on that port",
        DropReason.PrivateAddressOnInternet => "a private address cannot cross the Internet",
        DropReason.NotListening => "it offers no such service",
        _ => reason.ToJsonName(),
    };

    /// <summary>Puts the right answer (first in the list) at a position that varies from question to question.</summary>
    private static List<T> Arrange<T>(List<T> options, int number)
    {
        var shift = (number * 7) % options.Count;
        return [.. options.Skip(options.Count - shift), .. options.Take(options.Count - shift)];
    }

    /// <summary>For each device, the devices one cable away: directly, or across a VLAN (the Internet counts as a device).</summary>
    private static Dictionary<string, IReadOnlyList<string>> Neighbours(Design design)
    {
        var direct = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string a, string b)
        {
            if (a == b)
            {
                return;
            }

            if (!direct.TryGetValue(a, out var list))
            {
                direct[a] = list = [];
            }

            if (!list.Contains(b))
            {
                list.Add(b);
            }
        }

        var vlans = design.Devices.Where(d => d.Kind == DeviceKind.Vlan).Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var link in design.Links)
        {
            Add(link.A.Device, link.B.Device);
            Add(link.B.Device, link.A.Device);
        }

        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (device, next) in direct)
        {
            result[device] = [.. next.SelectMany(n => vlans.Contains(n) ? direct[n] : [n]).Where(n => n != device && !vlans.Contains(n)).Distinct()];
        }

        return result;
    }
}
