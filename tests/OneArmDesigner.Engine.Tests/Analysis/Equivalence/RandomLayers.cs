using OneArmDesigner.Domain.Addressing;
using OneArmDesigner.Domain.Model;

namespace OneArmDesigner.Engine.Tests.Analysis.Equivalence;

/// <summary>
/// Layers of routers, L3 switches and firewalls joined by shared transit segments, with host LANs at both ends. Each
/// device routes each far LAN through a device of the next layer picked at random (sometimes by one summary route),
/// so the packets of different pairs part and meet again, often with equal TTL, and a reply often comes back through
/// a stateful firewall its request never crossed. Pairs that meet on one device then differ only by what their pasts
/// left behind: the analysis must tell them apart by their sessions, not by their addresses.
/// </summary>
internal static class RandomLayers
{
    public static Design Generate(Random random, int seed)
    {
        var builder = new DesignBuilder($"random-layers-{seed}");
        var layers = random.Next(3, 5);
        var devices = new List<string>[layers];
        var lansAt = new List<(string Prefix, string Device, string Interface)>[layers];
        var lanCount = 0;
        for (var layer = 0; layer < layers; layer++)
        {
            devices[layer] = [];
            lansAt[layer] = [];
            var edge = layer == 0 || layer == layers - 1;
            for (var index = random.Next(edge ? 1 : 2, edge ? 3 : 4); index > 0; index--)
            {
                var name = $"L{layer}D{index}";
                var interfaces = new List<(string Name, string Address, int Security)>();
                if (layer > 0)
                {
                    interfaces.Add(("up", $"172.16.{layer - 1}.{10 + index}/24", random.Next(3) * 50));
                }

                if (layer < layers - 1)
                {
                    interfaces.Add(("down", $"172.16.{layer}.{20 + index}/24", random.Next(3) * 50));
                }

                if (edge)
                {
                    for (var lan = random.Next(1, 3); lan > 0; lan--)
                    {
                        lanCount++;
                        interfaces.Add(($"lan{lan}", $"10.{lanCount}.0.1/24", 100));
                        lansAt[layer].Add(($"10.{lanCount}.0.0/24", name, $"lan{lan}"));
                    }
                }

                AddDevice(builder, random, name, interfaces);
                devices[layer].Add(name);
            }
        }

        for (var layer = 0; layer < layers - 1; layer++)
        {
            builder.Vlan($"T{layer}", 200 + layer, $"172.16.{layer}.0/24");
        }

        foreach (var (prefix, device, port) in lansAt.SelectMany(l => l))
        {
            var lan = $"LAN-{prefix.Split('.')[1]}";
            var net = prefix[..prefix.LastIndexOf('.')];
            builder.Vlan(lan, 10 + int.Parse(prefix.Split('.')[1], System.Globalization.CultureInfo.InvariantCulture), prefix);
            builder.Link($"{device}:{port}", lan);
            for (var h = random.Next(1, 3); h > 0; h--)
            {
                var host = $"H{prefix.Split('.')[1]}{h}";
                int[] ports = random.Next(3) switch { 0 => [], 1 => [443], _ => [22] };
                builder.Host(host, $"{net}.{10 + h}/24", $"{net}.1", 0, 0, ports).Link($"{host}:eth0", lan);
            }
        }

        for (var layer = 0; layer < layers; layer++)
        {
            foreach (var device in devices[layer])
            {
                if (layer > 0)
                {
                    builder.Link($"{device}:up", $"T{layer - 1}");
                }

                if (layer < layers - 1)
                {
                    builder.Link($"{device}:down", $"T{layer}");
                }
            }
        }

        AddRoutes(builder, random, layers, devices, lansAt);
        if (random.NextDouble() < 0.3)
        {
            // A host on a transit segment: its pairs cross fewer devices and meet the others part-way.
            var layer = random.Next(layers - 1);
            var gateway = devices[layer + 1][random.Next(devices[layer + 1].Count)];
            var gatewayAddress = builder.Build().FindDevice(gateway)!.Interfaces.First(i => i.Name == "up").Address!.Value.Address;
            builder.Host("HT", $"172.16.{layer}.100/24", gatewayAddress.ToString(), 0, 0, 443).Link("HT:eth0", $"T{layer}");
        }

        return builder.Build();
    }

    private static void AddDevice(DesignBuilder builder, Random random, string name, List<(string Name, string Address, int Security)> interfaces)
    {
        switch (random.Next(5))
        {
            case 0:
                builder.Router(name, 0, 0, [.. interfaces.Select(i => (i.Name, i.Address))]);
                break;
            case 1:
                builder.L3Switch(name, 0, 0, [.. interfaces.Select(i => (i.Name, i.Address))]);
                break;
            default:
                builder.Firewall(name, 0, 0, [.. interfaces]).ConfigureFirewall(name, f => f with
                {
                    Stateful = random.NextDouble() < 0.8,
                    DecrementTtl = random.NextDouble() < 0.3,
                    InspectIcmp = random.NextDouble() < 0.3,
                    Acl = random.NextDouble() < 0.8 ? Acl(random, interfaces) : [],
                    TcpStateBypass = random.NextDouble() < 0.15 ? [new TrafficSelector(Ipv4Prefix.Parse("10.0.0.0/8"), Ipv4Prefix.Parse("10.0.0.0/8"))] : [],
                });
                break;
        }
    }

    /// <summary>
    /// Permit everything on every interface, sometimes after a line for one host of some LAN: hosts that share a LAN,
    /// a gateway and their ports must still not be taken for one another when a device tells them apart.
    /// </summary>
    private static AclRule[] Acl(Random random, List<(string Name, string Address, int Security)> interfaces)
    {
        var permits = interfaces.Select(i => new AclRule(i.Name, AclAction.Permit, Protocol.Any, Ipv4Prefix.Default, Ipv4Prefix.Default));
        if (random.NextDouble() >= 0.3)
        {
            return [.. permits];
        }

        var one = Ipv4Prefix.Parse($"10.{random.Next(1, 5)}.0.{10 + random.Next(1, 3)}/32");
        var (name, _, _) = interfaces[random.Next(interfaces.Count)];
        var line = random.Next(2) == 0
            ? new AclRule(name, AclAction.Deny, Protocol.Tcp, one, Ipv4Prefix.Default)
            : new AclRule(name, AclAction.Deny, Protocol.Tcp, Ipv4Prefix.Default, one);
        return [line, .. permits];
    }

    /// <summary>
    /// Each device reaches each LAN it is not on through a device of the neighbouring layer toward it, picked at
    /// random per LAN, or through one summary route for a whole direction; now and then a route is missing.
    /// </summary>
    private static void AddRoutes(DesignBuilder builder, Random random, int layers, List<string>[] devices, List<(string Prefix, string Device, string Interface)>[] lansAt)
    {
        var last = layers - 1;
        for (var layer = 0; layer < layers; layer++)
        {
            foreach (var device in devices[layer])
            {
                var summary = random.Next(4);
                foreach (var toward in new[] { layer - 1, layer + 1 })
                {
                    if (toward < 0 || toward > last)
                    {
                        continue;
                    }

                    // Toward the far end, and for an edge device also the other LANs of its own edge (through the middle).
                    var lans = lansAt[toward < layer ? 0 : last].Concat(layer is 0 || layer == last ? lansAt[layer] : [])
                        .Where(l => l.Device != device).Select(l => l.Prefix).Distinct().ToList();
                    if (lans.Count == 0)
                    {
                        continue;
                    }

                    if (summary == (toward < layer ? 0 : 1))
                    {
                        builder.Route(device, "10.0.0.0/8", NextHop(random, devices, layer, toward));
                        continue;
                    }

                    foreach (var prefix in lans.Where(_ => random.NextDouble() < 0.95))
                    {
                        builder.Route(device, prefix, NextHop(random, devices, layer, toward));
                    }
                }
            }
        }
    }

    /// <summary>A device of the layer <paramref name="toward"/>, by its address on the transit segment the two layers share.</summary>
    private static string NextHop(Random random, List<string>[] devices, int layer, int toward)
    {
        var neighbour = devices[toward][random.Next(devices[toward].Count)];
        var index = int.Parse(neighbour[(neighbour.IndexOf('D') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        return toward > layer ? $"172.16.{layer}.{10 + index}" : $"172.16.{toward}.{20 + index}";
    }
}
