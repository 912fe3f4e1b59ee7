using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.JSInterop;
using MudBlazor;
using OneArmDesigner.Import;
using OneArmDesigner.Web.Designs;
using OneArmDesigner.Web.Imports;

namespace OneArmDesigner.Web.Components.Designs;

public partial class ImportConfigurationDialog
{
    /// <summary>A file over the limit is still accepted by the picker, so the importer can say plainly that it is too large.</summary>
    private const long UploadLimit = ImportLimits.MaxFileBytes + 1;

    private const string AsaPlaceholder = "hostname asa\ninterface GigabitEthernet0/0\n nameif outside\n ...";

    private const string MerakiPlaceholder = "{\"/organizations/123456/networks\": [...], ...}";

    private readonly List<Entry> _asa = [new()];
    private Entry _meraki = new();
    private string? _name;
    private IReadOnlyList<string>? _problems;
    private ImportOutcome? _outcome;
    private bool _busy;

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = null!;

    [Inject] private ConfigurationImports Imports { get; set; } = null!;

    [Inject] private IJSRuntime JS { get; set; } = null!;

    [Inject] private BrowserDesignHistory History { get; set; } = null!;

    /// <summary>A configuration: pasted into its text area (no content yet) or uploaded (its bytes).</summary>
    private sealed class Entry
    {
        public string Id { get; } = "import-" + Guid.NewGuid().ToString("N")[..8];

        public string? FileName { get; init; }

        public byte[]? Content { get; init; }
    }

    private static string Kilobytes(int bytes) => Math.Max(1, bytes / 1024).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private void AddAsa() => _asa.Add(new Entry());

    private void Remove(Entry entry)
    {
        _asa.Remove(entry);
        if (_asa.Count == 0)
        {
            _asa.Add(new Entry());
        }
    }

    private void ClearMeraki() => _meraki = new Entry();

    /// <summary>Uploaded files: a .json file is the Meraki file, anything else an ASA configuration.</summary>
    private async Task UploadAsync(IReadOnlyList<IBrowserFile>? files)
    {
        var problems = new List<string>();
        foreach (var file in files ?? [])
        {
            if (file.Size > ImportLimits.MaxFileBytes)
            {
                problems.Add($"{file.Name}: the file is {file.Size / (1024.0 * 1024.0):0.#} MB; a configuration may be at most {ImportLimits.MaxFileBytes / (1024 * 1024)} MB");
                continue;
            }

            using var buffer = new MemoryStream();
            await using (var stream = file.OpenReadStream(UploadLimit))
            {
                await stream.CopyToAsync(buffer);
            }

            var entry = new Entry { FileName = file.Name, Content = buffer.ToArray() };
            if (file.Name.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            {
                _meraki = entry;
            }
            else
            {
                _asa.Add(entry);
            }
        }

        _problems = problems.Count > 0 ? problems : null;
    }

    private async Task ImportAsync()
    {
        _busy = true;
        _problems = null;
        try
        {
            var problems = new List<string>();
            var asa = new List<ImportFile>();
            for (var i = 0; i < _asa.Count; i++)
            {
                if (await ReadAsync(_asa[i], $"ASA configuration {i + 1}", problems) is { } file)
                {
                    asa.Add(file);
                }
            }

            var meraki = await ReadAsync(_meraki, "Meraki file", problems);
            if (problems.Count == 0 && asa.Count == 0 && meraki is null)
            {
                problems.Add("Paste or upload at least one ASA configuration or a Meraki file.");
            }

            if (problems.Count > 0)
            {
                _problems = problems;
                return;
            }

            var outcome = await Imports.ImportAsync(asa, meraki, _name);
            if (outcome.Succeeded)
            {
                // Listed among this browser's designs whether or not it is opened now.
                await History.RememberAsync(outcome.Created!.EditToken);
                _outcome = outcome;
            }
            else
            {
                _problems = outcome.Problems;
            }
        }
        finally
        {
            _busy = false;
        }
    }

    /// <summary>An entry's bytes: the upload's, or the pasted text read as a stream; null when the text area is empty.</summary>
    private async Task<ImportFile?> ReadAsync(Entry entry, string label, List<string> problems)
    {
        if (entry.Content is { } content)
        {
            return new ImportFile(entry.FileName!, content);
        }

        if (!await JS.InvokeAsync<bool>("oneArm.hasText", entry.Id))
        {
            return null;
        }

        try
        {
            var reference = await JS.InvokeAsync<IJSStreamReference>("oneArm.textBytes", entry.Id);
            await using var stream = await reference.OpenReadStreamAsync(UploadLimit);
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer);
            return new ImportFile(label, buffer.ToArray());
        }
        catch (InvalidOperationException)
        {
            problems.Add($"{label}: the pasted text is over {ImportLimits.MaxFileBytes / (1024 * 1024)} MB; a configuration may be at most {ImportLimits.MaxFileBytes / (1024 * 1024)} MB");
            return null;
        }
    }

    private void Open() => Dialog.Close(DialogResult.Ok(_outcome!.Created!.EditToken));
}
