using OneArmDesigner.Domain.Model;
using OneArmDesigner.Domain.Templates;

namespace OneArmDesigner.Engine.Tests.Scenarios;

/// <summary>Small variations of the seed designs, so each scenario reads as the one change it makes.</summary>
internal static class Networks
{
    public static Design Broken => SeedTemplates.Asymmetric();

    public static Design Fixed => SeedTemplates.TransitVlan();

    public static Design WithDevice(this Design design, string name, Func<Device, Device> change) =>
        design with { Devices = [.. design.Devices.Select(d => d.Name == name ? change(d) : d)] };

    public static Design WithFirewall(this Design design, string name, Func<FirewallSettings, FirewallSettings> change) =>
        design.WithDevice(name, d => d with { Firewall = change(d.Firewall!) });

    public static Design WithoutRoute(this Design design, string device, string prefix) =>
        design.WithDevice(device, d => d with { Routes = [.. d.Routes.Where(r => r.Prefix.ToString() != prefix)] });

    public static Design Listening(this Design design, string host, params int[] tcpPorts) =>
        design.WithDevice(host, d => d with { Host = d.Host! with { TcpPorts = tcpPorts } });
}
