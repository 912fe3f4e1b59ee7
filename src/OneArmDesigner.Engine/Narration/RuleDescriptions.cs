using OneArmDesigner.Domain.Model;

namespace OneArmDesigner.Engine.Narration;

/// <summary>A NAT rule the way the evidence of a step names it.</summary>
internal static class NatDescription
{
    public static string Of(NatRule rule) => rule.Kind switch
    {
        NatKind.Static => $"static NAT {rule.PrivateAddress} ⇄ {rule.PublicAddress?.ToString() ?? rule.OutsideInterface} on {rule.OutsideInterface}",
        NatKind.PortForward => $"port forward {rule.Protocol.ToJsonName()} {rule.PublicAddress?.ToString() ?? rule.OutsideInterface}:{rule.PublicPort} ⇄ {rule.PrivateAddress}:{rule.PrivatePort ?? rule.PublicPort} on {rule.OutsideInterface}",
        _ => $"PAT of {rule.InsideNetwork} behind {rule.OutsideInterface}",
    };
}

/// <summary>An access-list line the way the evidence of a step names it.</summary>
internal static class AclDescription
{
    public static string Of(AclRule rule) =>
        $"{(rule.Action == AclAction.Permit ? "permit" : "deny")} {rule.Protocol.ToJsonName()} {rule.Source} {rule.Destination}{(rule.DestinationPort is { } port ? $" eq {port}" : "")}";
}
