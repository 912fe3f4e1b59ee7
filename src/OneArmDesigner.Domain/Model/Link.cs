namespace OneArmDesigner.Domain.Model;

/// <summary>One end of a link: a device and, unless the device is a segment, one of its interfaces.</summary>
public sealed record LinkEnd(string Device, string? Interface = null)
{
    public override string ToString() => Interface is null ? Device : $"{Device}:{Interface}";
}

/// <summary>A cable: an interface joined to a segment (VLAN, Internet) or directly to another device's interface.</summary>
public sealed record Link(LinkEnd A, LinkEnd B)
{
    public override string ToString() => $"{A} — {B}";
}
