using Microsoft.AspNetCore.Components;
using OneArmDesigner.Domain.Model;

namespace OneArmDesigner.Web.Components.Designer.Properties;

/// <summary>A part of the properties panel that edits the selected device.</summary>
public abstract class DeviceSection : DesignSection
{
    [Parameter, EditorRequired] public Device Device { get; set; } = null!;

    /// <summary>The interface a new NAT rule or access-list line starts on: "outside" if the device has one, else its first.</summary>
    protected string? DefaultRuleInterface =>
        Device.Interfaces.FirstOrDefault(i => i.Name == "outside")?.Name ?? Device.Interfaces.FirstOrDefault()?.Name;

    /// <summary>Changes this device only.</summary>
    protected Task<string?> Change(Func<Device, Device> change, string description) =>
        Apply(Editing.DesignEdits.UpdateDevice(Design, Device.Name, change), description);
}
