using OneArmDesigner.Canvas;
using OneArmDesigner.Domain.Model;
using OneArmDesigner.Engine.Analysis;
using OneArmDesigner.Import.Emit;
using FindingSeverity = OneArmDesigner.Engine.Analysis.Severity;
using Severity = MudBlazor.Severity;
using OneArmDesigner.Web.Components.Diagrams;

namespace OneArmDesigner.Web.Components.Pages;

// Validation in the background, the findings panel, badges and highlights, and one-click fixes.
public sealed partial class DesignPage
{
    /// <summary>
    /// Validates the current design off the circuit's thread, so a large design opens and takes edits without
    /// waiting for its analysis; the findings and badges arrive when it is done, unless a newer edit overtook it.
    /// </summary>
    private void Revalidate()
    {
        _lastChanges = null;
        _fixCommands = null;
        _selectedFinding = null;
        var design = _history!.Current;
        var generation = ++_validations;
        _ = Task.Run(() => DesignAnalyzer.Validate(design)).ContinueWith(
            done => InvokeAsync(() =>
            {
                if (generation != _validations || !ReferenceEquals(design, _history?.Current))
                {
                    return;
                }

                if (done.IsFaulted)
                {
                    Snackbar.Add("This design could not be validated: " + done.Exception!.GetBaseException().Message, Severity.Error);
                    return;
                }

                ShowReport(done.Result);
                StateHasChanged();
            }),
            TaskScheduler.Default);
    }

    /// <summary>Shows a validation report: the findings panel, and a badge on each device a finding names.</summary>
    private void ShowReport(ValidationReport report)
    {
        _report = report;
        var byDevice = report.Findings
            .Where(f => f.Severity != FindingSeverity.Info)
            .SelectMany(f => f.Devices.Distinct().Select(d => (Device: d, Finding: f)))
            .ToLookup(x => x.Device, x => x.Finding, StringComparer.Ordinal);
        using (_diagram.Batch())
        {
            foreach (var node in _diagram.Nodes)
            {
                var mine = byDevice[node.Id].ToList();
                node.Badges = mine.Count == 0
                    ? []
                    : [new NodeBadge(mine.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        mine.Any(f => f.Severity == FindingSeverity.Error) ? "error" : "warning",
                        string.Join("\n", mine.Select(f => f.Code).Distinct()))];
            }

            Highlight(null);
        }
    }

    private void SelectFinding(Finding finding)
    {
        _selectedFinding = ReferenceEquals(_selectedFinding, finding) ? null : finding;
        Highlight(_selectedFinding);
    }

    /// <summary>Lights up the devices and cables a finding names; null puts every light out.</summary>
    private void Highlight(Finding? finding)
    {
        using (_diagram.Batch())
        {
            foreach (var node in _diagram.Nodes)
            {
                node.SetFlags(ElementFlags.Highlighted, finding?.Devices.Contains(node.Id) == true);
            }

            foreach (var link in _diagram.Links)
            {
                link.SetFlags(ElementFlags.Highlighted, DesignDiagram.LinkIndex(link.Id) is { } index && finding?.Links.Contains(index) == true);
            }
        }
    }

    /// <summary>The last fix applied, as ASA commands and Meraki API calls; null once the design changes again.</summary>
    private (string Asa, string Meraki)? _fixCommands;

    private Task ApplyFixAsync(FixOption fix)
    {
        var result = DesignFixes.Apply(_history!.Current, fix.Id);
        if (!result.Succeeded)
        {
            Snackbar.Add(result.Error ?? "The fix could not be applied.", Severity.Error);
            return Task.CompletedTask;
        }

        var before = _history!.Current;
        Apply(result.Design!, fix.Title, redraw: true);
        _lastChanges = DesignComparison.Compare(before, result.Design!);
        var (asa, meraki) = (FixCommands.Asa(before, result.Design!), FixCommands.Meraki(before, result.Design!));
        _fixCommands = asa.Length + meraki.Length > 0 ? (asa, meraki) : null;
        Snackbar.Add($"Applied: {fix.Title}. Undo takes it back.", Severity.Success);
        return Task.CompletedTask;
    }
}
