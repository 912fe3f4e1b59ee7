using System.Text;
using OneArmDesigner.Domain.Model;

namespace OneArmDesigner.Import.Emit;

/// <summary>
/// A change to a design (a fix, say) as what an engineer types or calls to make it on the real devices: ASA commands
/// for each firewall that changed, Meraki Dashboard API calls for each MX. Pass the names of an import to write them
/// in the configurations' own names; without, ASA names follow <c>onearm export</c> and Meraki ids are placeholders.
/// </summary>
public static class FixCommands
{
    public static string Asa(Design before, Design after, ImportedNames? names = null)
    {
        var text = new StringBuilder();
        foreach (var device in after.Devices.Where(d => d.Firewall is not null))
        {
            var was = before.FindDevice(device.Name);
            var commands = was?.Firewall is null
                ? AsaConfigWriter.Write(after, device.Name).Configuration
                : AsaFixCommands.For(was, device, (names ?? ImportedNames.None).ForFirewall(device.Name));
            if (commands.Length > 0)
            {
                text.AppendLine($"! ===== {device.Name} =====");
                text.Append(commands);
            }
        }

        return text.ToString();
    }

    public static string Meraki(Design before, Design after, ImportedNames? names = null)
    {
        var text = new StringBuilder();
        foreach (var device in after.Devices.Where(d => d.Mx is not null))
        {
            if (before.FindDevice(device.Name) is { Mx: not null } was
                && MerakiFixCalls.For(was, device, names ?? ImportedNames.None) is { Length: > 0 } calls)
            {
                if (text.Length > 0)
                {
                    text.AppendLine();
                }

                text.Append(calls);
            }
        }

        return text.ToString();
    }
}
