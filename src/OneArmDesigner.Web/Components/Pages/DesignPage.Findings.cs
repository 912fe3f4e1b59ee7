using OneArmDesigner.Canvas;
using OneArmDesigner.Domain.Model;
using OneArmDesigner.Engine.Analysis;
using OneArmDesigner.Import.Emit;
using FindingSeverity = OneArmDesigner.Engine.Analysis.Severity;
using Severity = MudBlazor.Severity;
using OneArmDesigner.Web.Components.Diagrams;
using OneArmDesigner.Web.Analysis;

namespace OneArmDesigner.Web.Components.Pages;

// Validation in the background, the findings panel, badges and highlights, and one-click fixes.
public sealed partial class DesignPage
{
    /// <summary>This page's own key in the analysis queue, so another tab on the same design keeps its own job.</summary>
    private readonly Guid _pageId = Guid.NewGuid();

    /// <summary>Cancelled when the page goes (the circuit closed): the queue then drops the jobs only this page wanted.</summary>
    private readonly CancellationTokenSource _pageGone = new();

    /// <summary>The analysis of the current design: the findings panel and the Reachability tab both show it.</summary>
    private AnalysisJob? _analysis;

    /// <summary>
    /// Asks the background queue to analyse the current design (a newer edit supersedes the page's older job); the
    /// findings and badges arrive when it is done. Prerendering answers a plain GET, which starts no analysis.
    /// </summary>
    private void Revalidate()
    {
        _lastChanges = null;
        _fixCommands = null;
        _selectedFinding = null;
        if (!RendererInfo.IsInteractive || _opened is null || _pageGone.IsCancellationRequested)
        {
            return;
        }

        Watch(Analyses.Request(AnalysisKeys.DesignPage(_opened.Id, _pageId), _history!.Current, requesterGone: _pageGone.Token));
    }

    /// <summary>
    /// Runs the current design's analysis again after the time budget cut it short (the findings found so far stay
    /// shown until the new ones arrive). Pressing it while that job runs joins it: one job per page at most.
    /// </summary>
    private void Reanalyse()
    {
        if (_opened is null || _pageGone.IsCancellationRequested)
        {
            return;
        }

        Watch(Analyses.Reanalyse(AnalysisKeys.DesignPage(_opened.Id, _pageId), _history!.Current, requesterGone: _pageGone.Token));
    }

    /// <summary>Shows the job's progress, and its findings once it is done (now, when it came from the cache).</summary>
    private void Watch(AnalysisJob job)
    {
        _analysis = job;
        if (job.Result is { } cached)
        {
            ShowReport(cached.Report);
            return;
        }

        _ = job.Completion.ContinueWith(
            done => InvokeAsync(() =>
            {
                if (!ReferenceEquals(job, _analysis) || done.IsCanceled)
                {
                    return;
                }

                if (done.IsFaulted)
                {
                    Snackbar.Add("This design could not be validated: " + done.Exception!.GetBaseException().Message, Severity.Error);
                }
                else
                {
                    ShowReport(done.Result.Report);
                }

                StateHasChanged();
            }),
            TaskScheduler.Default);
    }

    /// <summary>
    /// Once both analyses are done, shows which flows a fix changed. The design before the fix was analysed a moment
    /// ago, so its matrix normally comes from the cache; the comparison itself runs off the circuit's thread.
    /// </summary>
    private void CompareWhenAnalysed(Design before, AnalysisJob? after)
    {
        if (after is null || _opened is null)
        {
            return;
        }

        var beforeJob = Analyses.Request(AnalysisKeys.Comparison(_opened.Id, _pageId), before, requesterGone: _pageGone.Token);
        _ = Task.WhenAll(beforeJob.Completion, after.Completion).ContinueWith(
            both =>
            {
                if (!both.IsCompletedSuccessfully)
                {
                    return Task.CompletedTask;
                }

                var changes = DesignComparison.Compare(beforeJob.Result!.Matrix, after.Result!.Matrix);
                return InvokeAsync(() =>
                {
                    if (ReferenceEquals(after, _analysis))
                    {
                        _lastChanges = changes;
                        StateHasChanged();
                    }
                });
            },
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
        CompareWhenAnalysed(before, _analysis);
        var (asa, meraki) = (FixCommands.Asa(before, result.Design!), FixCommands.Meraki(before, result.Design!));
        _fixCommands = asa.Length + meraki.Length > 0 ? (asa, meraki) : null;
        Snackbar.Add($"Applied: {fix.Title}. Undo takes it back.", Severity.Success);
        return Task.CompletedTask;
    }
}
