using OneArmDesigner.Import.Asa;

namespace OneArmDesigner.Import;

/// <summary>
/// What the imported configurations call the things a design does not name (hardware ports, access lists, NAT
/// objects, Meraki serials and network ids), per device. Handed to the command writers, it makes fixes come out in
/// the configuration's own names rather than export's conventions.
/// </summary>
public sealed class ImportedNames
{
    internal Dictionary<string, AsaNaming> Firewalls { get; } = new(StringComparer.Ordinal);

    internal Dictionary<string, (string Serial, string NetworkId)> Appliances { get; } = new(StringComparer.Ordinal);

    public static ImportedNames None { get; } = new();

    internal AsaNaming ForFirewall(string device) => Firewalls.GetValueOrDefault(device) ?? AsaNaming.Conventional;

    internal (string Serial, string NetworkId)? ForAppliance(string device) => Appliances.TryGetValue(device, out var ids) ? ids : null;
}
