using Microsoft.AspNetCore.Components;
using OneArmDesigner.Domain.Model;

namespace OneArmDesigner.Web.Components.Designer.Properties;

/// <summary>
/// What every part of the properties panel shares: the design, and one way to hand a valid edit to the page, which
/// records it as an undoable step.
/// </summary>
public abstract class DesignSection : ComponentBase
{
    [Parameter, EditorRequired] public Design Design { get; set; } = null!;

    [Parameter] public bool ReadOnly { get; set; }

    [Parameter] public EventCallback<(Design Design, string Description)> Edited { get; set; }

    /// <summary>Hands on an edit that produced a design, or returns its problem for the field to show.</summary>
    protected async Task<string?> Apply((Design? Design, string? Problem) result, string description)
    {
        if (result.Design is null)
        {
            return result.Problem;
        }

        await Edited.InvokeAsync((result.Design, description));
        return null;
    }

    protected Task<string?> Apply(Design design, string description) => Apply((design, null), description);
}
