using OneArmDesigner.Domain.Addressing;
using OneArmDesigner.Domain.Model;

namespace OneArmDesigner.Engine.Tests.Analysis.Equivalence;

/// <summary>
/// Two or three sites joined by AutoVPN over the Internet, as people build them, then disturbed at random: a site's
/// edge is a routed MX, or a firewall with a one-armed concentrator on the LAN (the guide's broken design) or on a
/// transit segment (its fix), sometimes with a second LAN behind an L3 switch. Disturbances remove a route or the
/// port forward, add a deny, turn on tcp-state-bypass or same-security, or point a host's gateway elsewhere.
/// </summary>
internal static class RandomSites
{
    public static Design Generate(Random random, int seed)
    {
        var builder = new DesignBuilder($"random-sites-{seed}").Internet("Internet");
        var sites = random.Next(2, 4);
        var mxs = new List<string>();
        var lans = new List<string>[sites];
        for (var site = 1; site <= sites; site++)
        {
            lans[site - 1] = [];
            var lan = $"10.{site}.0";
            var publicAddress = $"203.0.113.{10 + site}";
            builder.Vlan($"LAN{site}", site, $"{lan}.0/24");
            lans[site - 1].Add($"{lan}.0/24");
            switch (random.Next(3))
            {
                case 0:
                    builder.RoutedMx($"MX{site}", 0, 0, lan: $"{lan}.1/24", wan: $"{publicAddress}/24", wanGateway: "203.0.113.1", $"{lan}.0/24")
                        .Link($"MX{site}:lan", $"LAN{site}").Link($"MX{site}:wan", "Internet");
                    mxs.Add($"MX{site}");
                    break;
                default:
                    var transit = random.Next(2) == 0;
                    var concentratorNet = transit ? $"172.16.{site}" : lan;
                    builder.Firewall($"FW{site}", 0, 0, ("outside", $"{publicAddress}/24", 0), ("inside", $"{lan}.1/24", 100))
                        .Link($"FW{site}:outside", "Internet").Link($"FW{site}:inside", $"LAN{site}")
                        .Route($"FW{site}", "0.0.0.0/0", "203.0.113.1");
                    if (transit)
                    {
                        builder.Update($"FW{site}", d => d with { Interfaces = [.. d.Interfaces, new DeviceInterface("transit", Ipv4Prefix.Parse($"172.16.{site}.1/24"), 50)] })
                            .Vlan($"Transit{site}", 100 + site, $"172.16.{site}.0/24").Link($"FW{site}:transit", $"Transit{site}");
                    }

                    builder.ConcentratorMx($"MX{site}", 0, 0, wan: $"{concentratorNet}.2/24", gateway: $"{concentratorNet}.1", publicAddress, $"{lan}.0/24")
                        .Link($"MX{site}:wan", transit ? $"Transit{site}" : $"LAN{site}")
                        .ConfigureFirewall($"FW{site}", f => f with
                        {
                            Nat =
                            [
                                new NatRule(NatKind.PortForward, "outside", Protocol.Udp, PublicPort: MxSettings.DefaultVpnPort,
                                    PrivateAddress: Ipv4Address.Parse($"{concentratorNet}.2")),
                                new NatRule(NatKind.Pat, "outside", InsideNetwork: Ipv4Prefix.Parse("10.0.0.0/8")),
                            ],
                            Acl =
                            [
                                new AclRule("outside", AclAction.Permit, Protocol.Udp, Ipv4Prefix.Default, Ipv4Prefix.Parse($"{publicAddress}/32"), MxSettings.DefaultVpnPort),
                                .. transit ? [new AclRule("transit", AclAction.Permit, Protocol.Any, Ipv4Prefix.Parse("10.0.0.0/8"), Ipv4Prefix.Parse("10.0.0.0/8"))] : Array.Empty<AclRule>(),
                            ],
                        });
                    mxs.Add($"MX{site}");
                    if (random.Next(3) == 0)
                    {
                        // A second LAN behind an L3 switch on the first.
                        builder.L3Switch($"SW{site}", 0, 0, ("up", $"{lan}.3/24"), ("down", $"10.{site}.1.1/24"))
                            .Vlan($"LAN{site}b", 50 + site, $"10.{site}.1.0/24").Link($"SW{site}:up", $"LAN{site}").Link($"SW{site}:down", $"LAN{site}b")
                            .Route($"SW{site}", "0.0.0.0/0", $"{lan}.1").Route($"FW{site}", $"10.{site}.1.0/24", $"{lan}.3");
                        builder.Update($"MX{site}", d => d with { Mx = d.Mx! with { AdvertisedSubnets = [.. d.Mx.AdvertisedSubnets, Ipv4Prefix.Parse($"10.{site}.1.0/24")] } });
                        lans[site - 1].Add($"10.{site}.1.0/24");
                        AddHosts(builder, random, site, $"LAN{site}b", $"10.{site}.1", "10.{site}.1.1".Replace("{site}", $"{site}", StringComparison.Ordinal));
                    }

                    break;
            }

            AddHosts(builder, random, site, $"LAN{site}", lan, $"{lan}.1");
        }

        for (var i = 0; i < mxs.Count; i++)
        {
            for (var j = i + 1; j < mxs.Count; j++)
            {
                if (random.NextDouble() < 0.85)
                {
                    builder.VpnPeers(mxs[i], mxs[j]);
                }
            }
        }

        // Each firewall routes the other sites' LANs to its concentrator.
        for (var site = 1; site <= sites; site++)
        {
            var design = builder.Build();
            if (design.FindDevice($"FW{site}") is null)
            {
                continue;
            }

            var concentrator = design.FindDevice($"MX{site}")!.Interfaces[0].Address!.Value.Address.ToString();
            for (var other = 1; other <= sites; other++)
            {
                if (other != site && random.NextDouble() < 0.9)
                {
                    foreach (var remote in lans[other - 1])
                    {
                        builder.Route($"FW{site}", remote, concentrator);
                    }
                }
            }
        }

        Disturb(builder, random, sites);
        return builder.Build();
    }

    private static void AddHosts(DesignBuilder builder, Random random, int site, string segment, string net, string gateway)
    {
        for (var h = random.Next(1, 4); h > 0; h--)
        {
            var name = $"H{site}{segment.Length}{h}";
            int[] ports = random.Next(4) switch { 0 => [], 1 => [443], 2 => [3389], _ => [22] };
            builder.Host(name, $"{net}.{10 + h}/24", gateway, 0, 0, ports).Link($"{name}:eth0", segment);
        }
    }

    private static void Disturb(DesignBuilder builder, Random random, int sites)
    {
        var design = builder.Build();
        foreach (var device in design.Devices)
        {
            if (device.Firewall is { } firewall && random.NextDouble() < 0.5)
            {
                var roll = random.Next(8);
                builder.ConfigureFirewall(device.Name, f => roll switch
                {
                    0 => f with { Nat = [.. f.Nat.Where(n => n.Kind != NatKind.PortForward)] },
                    1 => f with { Acl = [new AclRule("inside", AclAction.Deny, Protocol.Tcp, Ipv4Prefix.Default, Ipv4Prefix.Parse($"10.{random.Next(1, sites + 1)}.0.0/16"), random.Next(2) == 0 ? 3389 : null), new AclRule("inside", AclAction.Permit, Protocol.Any, Ipv4Prefix.Default, Ipv4Prefix.Default), .. f.Acl] },
                    2 => f with { TcpStateBypass = [new TrafficSelector(Ipv4Prefix.Parse($"10.{random.Next(1, sites + 1)}.0.0/16"), Ipv4Prefix.Parse("10.0.0.0/8"))], SameSecurityIntraInterface = true },
                    3 => f with { SameSecurityIntraInterface = true },
                    4 => f with { Stateful = false },
                    5 => f with { InspectIcmp = true },
                    6 => f with { DecrementTtl = true, InspectIcmp = random.Next(2) == 0 },
                    _ => f with { Nat = [.. f.Nat.Where(n => n.Kind != NatKind.Pat)] },
                });
            }

            if (device.Kind == DeviceKind.Host && random.NextDouble() < 0.1)
            {
                // A host whose gateway is the one-armed concentrator or another device on its LAN.
                var lan = device.Interfaces[0].Address!.Value;
                var other = design.Devices.Where(d => d.Kind != DeviceKind.Host && d.Interfaces.Any(i => i.Address is { } a && a.Network == lan.Network))
                    .Select(d => d.Interfaces.First(i => i.Address!.Value.Network == lan.Network).Address!.Value.Address).ToList();
                if (other.Count > 0)
                {
                    builder.Update(device.Name, d => d with { DefaultGateway = other[random.Next(other.Count)] });
                }
            }

            if (device.Routes.Count > 0 && random.NextDouble() < 0.15)
            {
                var drop = device.Routes[random.Next(device.Routes.Count)];
                builder.Update(device.Name, d => d with { Routes = [.. d.Routes.Where(r => r != drop)] });
            }
        }
    }
}
