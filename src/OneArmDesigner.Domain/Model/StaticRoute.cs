using OneArmDesigner.Domain.Addressing;

namespace OneArmDesigner.Domain.Model;

/// <summary>A static route: traffic for <see cref="Prefix"/> goes to <see cref="NextHop"/> (0.0.0.0/0 is the default route).</summary>
public sealed record StaticRoute(Ipv4Prefix Prefix, Ipv4Address NextHop);
