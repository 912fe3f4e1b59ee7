using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;
using OneArmDesigner.Domain.Documents;
using OneArmDesigner.Domain.Templates;
using OneArmDesigner.Web.Designs;

namespace OneArmDesigner.Web.Components.Pages;

public partial class Templates
{
    private bool _busy;

    [Inject] private DesignStore Store { get; set; } = null!;

    [Inject] private BrowserDesignHistory History { get; set; } = null!;

    [Inject] private NavigationManager Navigation { get; set; } = null!;

    [Inject] private IJSRuntime JS { get; set; } = null!;

    [Inject] private ISnackbar Snackbar { get; set; } = null!;

    private async Task OpenAsDesignAsync(DesignTemplate template)
    {
        _busy = true;
        try
        {
            var created = await Store.CreateAsync(DesignDocument.Serialize(template.Create()));
            if (!created.Succeeded)
            {
                Snackbar.Add(created.Message ?? "The design could not be created.", Severity.Error);
                return;
            }

            await History.RememberAsync(created.Value!.EditToken);
            Navigation.NavigateTo(DesignLinks.Relative(created.Value.EditToken));
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task ExportAsync(DesignTemplate template) =>
        await JS.InvokeVoidAsync("oneArm.download", $"{template.Name}.json", "application/json", DesignDocument.Serialize(template.Create()));
}
