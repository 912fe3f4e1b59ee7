using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;
using OneArmDesigner.Domain.Documents;
using OneArmDesigner.Web.Components.Designs;
using OneArmDesigner.Web.Designs;

namespace OneArmDesigner.Web.Components.Pages;

public partial class Designs
{
    private const long MaxImportBytes = DesignsApi.MaxDocumentBytes;

    private List<DesignSummary>? _designs;
    private IReadOnlyList<string>? _importProblems;
    private string _importTitle = "";
    private bool _busy;

    [Inject] private DesignStore Store { get; set; } = null!;

    [Inject] private BrowserDesignHistory History { get; set; } = null!;

    [Inject] private NavigationManager Navigation { get; set; } = null!;

    [Inject] private IDialogService Dialogs { get; set; } = null!;

    [Inject] private ISnackbar Snackbar { get; set; } = null!;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // Local storage is only reachable once the page is interactive.
        if (firstRender)
        {
            await LoadAsync();
            StateHasChanged();
        }
    }

    private async Task LoadAsync()
    {
        var entries = await History.ListAsync();
        var summaries = (await Store.SummariseAsync(entries.Select(e => e.Token))).ToDictionary(s => s.Token);
        _designs = entries.Where(e => summaries.ContainsKey(e.Token)).Select(e => summaries[e.Token]).ToList();
    }

    private async Task CreateEmptyAsync() =>
        await CreateAsync(NewDesignDocuments.Empty(), "The new design could not be created.");

    private async Task ImportAsync(IBrowserFile? file)
    {
        if (file is null)
        {
            return;
        }

        if (file.Size > MaxImportBytes)
        {
            ShowProblems($"{file.Name} could not be imported.", [$"The file is {file.Size / 1024} KB; a design document may be at most {MaxImportBytes / 1024} KB."]);
            return;
        }

        using var bytes = new MemoryStream();
        await using (var stream = file.OpenReadStream(MaxImportBytes))
        {
            await stream.CopyToAsync(bytes);
        }

        // A PNG export carries its design in a text chunk: read that instead of the picture.
        if (PngDesignDocument.LooksLikePng(bytes.GetBuffer().AsSpan(0, (int)bytes.Length)))
        {
            var (png, wrong) = PngDesignDocument.Extract(bytes.GetBuffer().AsSpan(0, (int)bytes.Length));
            if (png is null)
            {
                ShowProblems($"{file.Name} could not be imported.", [wrong!]);
                return;
            }

            await CreateAsync(png, $"{file.Name} could not be imported.");
            return;
        }

        // Strictly UTF-8: a stray byte is named, never stored as a replacement character.
        if (!JsonText.TryDecode(bytes.GetBuffer().AsSpan(0, (int)bytes.Length), out var text, out var notText))
        {
            ShowProblems($"{file.Name} could not be imported.", [notText.ToString()]);
            return;
        }

        if (SvgDesignDocument.LooksLikeSvg(text))
        {
            var (json, problem) = SvgDesignDocument.Extract(text);
            if (json is null)
            {
                ShowProblems($"{file.Name} could not be imported.", [problem!]);
                return;
            }

            text = json;
        }

        await CreateAsync(text, $"{file.Name} could not be imported.");
    }

    private async Task CreateAsync(string documentJson, string failureTitle)
    {
        _busy = true;
        try
        {
            var created = await Store.CreateAsync(documentJson);
            if (!created.Succeeded)
            {
                ShowProblems(failureTitle, created.Problems.Count > 0 ? created.Problems : [created.Message ?? "Unknown problem."]);
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

    /// <summary>Real configurations in: the dialog imports and shows the report; opening the new design remembers it here.</summary>
    private async Task ImportConfigurationAsync()
    {
        var dialog = await Dialogs.ShowAsync<ImportConfigurationDialog>("Import configuration",
            new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseOnEscapeKey = true });
        if (await dialog.Result is { Canceled: false, Data: string token })
        {
            Navigation.NavigateTo(DesignLinks.Relative(token));
            return;
        }

        await LoadAsync();
    }

    private async Task ForkAsync(DesignSummary design)
    {
        var fork = await Store.ForkAsync(design.Token);
        if (!fork.Succeeded)
        {
            Snackbar.Add(fork.Message ?? "The design could not be copied.", Severity.Error);
            return;
        }

        await History.RememberAsync(fork.Value!.EditToken);
        Snackbar.Add($"Copied \"{design.Name}\".", Severity.Success);
        await LoadAsync();
    }

    private async Task DeleteAsync(DesignSummary design)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync("Delete this design?",
            $"\"{design.Name}\" and all its revisions will be deleted for everyone holding its links. This cannot be undone.",
            yesText: "Delete", cancelText: "Keep it");
        if (confirmed != true)
        {
            return;
        }

        var deleted = await Store.DeleteAsync(design.Token);
        if (!deleted.Succeeded)
        {
            Snackbar.Add(deleted.Message ?? "The design could not be deleted.", Severity.Error);
            return;
        }

        await History.ForgetAsync(design.Token);
        Snackbar.Add($"Deleted \"{design.Name}\".", Severity.Info);
        await LoadAsync();
    }

    private async Task ForgetAsync(DesignSummary design)
    {
        await History.ForgetAsync(design.Token);
        await LoadAsync();
    }

    private void ShowProblems(string title, IReadOnlyList<string> problems)
    {
        _importTitle = title;
        _importProblems = problems;
    }
}
