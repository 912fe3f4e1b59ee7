using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using OneArmDesigner.Canvas;
using OneArmDesigner.Canvas.Behaviors;
using OneArmDesigner.Domain.Model;
using OneArmDesigner.Engine.Packets;
using OneArmDesigner.Web.Components.Diagrams;
using OneArmDesigner.Web.Simulation;

namespace OneArmDesigner.Web.Components.Playback;

/// <summary>
/// Plays a flow on a design step by step: the packet moving on the canvas, the narration, the packet inspector, the
/// connection tables and the event list. The trace is computed once on the server; playing only moves the current step.
/// </summary>
public sealed partial class SimulationPlayer : IAsyncDisposable
{
    /// <summary>Time per step at 1× speed.</summary>
    private static readonly TimeSpan StepTime = TimeSpan.FromMilliseconds(900);

    private PlaybackState? _state;
    private IReadOnlyDictionary<string, IReadOnlyList<SessionChangeView>> _tables = new Dictionary<string, IReadOnlyList<SessionChangeView>>();
    private IReadOnlyList<string>? _problems;
    private string? _from;
    private string? _to;
    private Protocol _protocol = Protocol.Tcp;
    private int _port = 3389;
    private double _speed = 1;
    private bool _playing;
    private bool _swallowKey;
    private CancellationTokenSource? _playback;
    private string? _highlighted;
    private string? _dropped;
    private Design? _shownDesign;
    private Design? _tracedDesign;
    private int? _followedStep;

    [Parameter, EditorRequired] public Design Design { get; set; } = null!;

    /// <summary>The flow traced when the player opens, if any.</summary>
    [Parameter] public Flow? InitialFlow { get; set; }

    /// <summary>The step (1-based) to open at, as in a shared ?step= link.</summary>
    [Parameter] public int? InitialStep { get; set; }

    /// <summary>
    /// A step (1-based) set from outside, shown whenever it changes: a live classroom's presenter moves followers with
    /// it. The viewer's own moves are theirs until it changes again (or is set again after null).
    /// </summary>
    [Parameter] public int? Step { get; set; }

    /// <summary>The page's own buttons beside Trace, given the flow being shown (a live classroom starts on it).</summary>
    [Parameter] public RenderFragment<Flow>? Actions { get; set; }

    /// <summary>Raised when the shown step changes (1-based; 0 before the first), so a page can keep its URL in step.</summary>
    [Parameter] public EventCallback<int> StepChanged { get; set; }

    [Inject] private SimulationResolver Resolver { get; set; } = null!;

    public Diagram Diagram { get; } = new(behaviors: BehaviorSets.Playback());

    private IReadOnlyList<string> Hosts => [.. Design.Devices.Where(d => d.Kind.IsEndpoint()).Select(d => d.Name)];

    private Task<IEnumerable<string>> SearchHosts(string? text, CancellationToken ct) =>
        Task.FromResult(string.IsNullOrWhiteSpace(text) ? Hosts.AsEnumerable() : Hosts.Where(h => h.Contains(text.Trim(), StringComparison.OrdinalIgnoreCase)));

    private string StepCounter => _state is null ? "" : $"step {_state.Current + 1} of {_state.Steps.Count}";

    private string AnimationDuration => $"{(StepTime.TotalSeconds * 0.75 / _speed).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)}s";

    protected override void OnParametersSet()
    {
        if (ReferenceEquals(_shownDesign, Design))
        {
            FollowStep();
            return;
        }

        _shownDesign = Design;
        _tracedDesign = Design;
        DesignDiagram.Show(Diagram, Design);
        Diagram.ZoomToFit();
        if (InitialFlow is { } flow)
        {
            (_from, _to, _protocol, _port) = (flow.From, flow.To, flow.Protocol, flow.DestinationPort);
            Trace();
            if (InitialStep is { } step)
            {
                _state?.GoTo(step);
                ShowCurrent();
            }
        }
        else
        {
            _from ??= Hosts.FirstOrDefault();
            _to ??= Hosts.Skip(1).FirstOrDefault();
        }

        FollowStep();
    }

    /// <summary>Shows <see cref="Step"/> when it is new; null forgets it, so the same step set again is shown again.</summary>
    private void FollowStep()
    {
        if (Step is null)
        {
            _followedStep = null;
        }
        else if (Step is { } step && step != _followedStep && _state is not null)
        {
            _followedStep = step;
            StopPlaying();
            _state.GoTo(step);
            ShowCurrent();
        }
    }

    private async Task RunAsync()
    {
        Trace();
        await AnnounceAsync();
    }

    private void Trace()
    {
        StopPlaying();
        if (_from is null || _to is null)
        {
            _problems = ["Choose the two hosts of the flow."];
            return;
        }

        var resolved = Resolver.Run(Design, new Flow(_from.Trim(), _to.Trim(), _protocol, _port));
        _problems = resolved.Problems;
        _state = resolved.Result is { } result ? new PlaybackState(result) : null;

        // A flow by address may place a host on the design for this trace: show the design it ran on.
        var shown = resolved.Design ?? Design;
        if (!ReferenceEquals(shown, _tracedDesign))
        {
            _tracedDesign = shown;
            DesignDiagram.Show(Diagram, shown);
        }

        ShowCurrent();
    }

    private async Task Forward() => await MoveAsync(s => s.Forward());

    private async Task Back() => await MoveAsync(s => s.Back());

    private async Task Reset() => await MoveAsync(s =>
    {
        s.Reset();
        return true;
    });

    private async Task End() => await MoveAsync(s =>
    {
        s.End();
        return true;
    });

    private async Task GoToIndex(int index) => await MoveAsync(s =>
    {
        s.GoTo(index + 1);
        return true;
    });

    private async Task MoveAsync(Func<PlaybackState, bool> move)
    {
        if (_state is not null && move(_state))
        {
            ShowCurrent();
            await AnnounceAsync();
        }
    }

    private void Play()
    {
        if (_state is null)
        {
            return;
        }

        if (_state.AtEnd)
        {
            _state.Reset();
        }

        _playing = true;
        _playback = new CancellationTokenSource();
        _ = PlayLoopAsync(_playback.Token);
    }

    private void Pause() => StopPlaying();

    private async Task PlayLoopAsync(CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested && _state is { AtEnd: false })
            {
                await InvokeAsync(async () =>
                {
                    await MoveAsync(s => s.Forward());
                    StateHasChanged();
                });
                await Task.Delay(StepTime / _speed, ct);
            }
        }
        catch (OperationCanceledException)
        {
            // Paused or disposed.
        }

        await InvokeAsync(() =>
        {
            _playing = false;
            StateHasChanged();
        });
    }

    private void StopPlaying()
    {
        _playback?.Cancel();
        _playback?.Dispose();
        _playback = null;
        _playing = false;
    }

    /// <summary>Highlights the working device, marks a drop, and rebuilds the connection tables for the current step.</summary>
    private void ShowCurrent()
    {
        using (Diagram.Batch())
        {
            SetFlag(ref _highlighted, _state?.CurrentStep?.Device, ElementFlags.Highlighted);
            SetFlag(ref _dropped, _state?.CurrentStep is { Disposition: "dropped" } drop ? drop.Device : null, ElementFlags.Error);
        }

        _tables = _state?.ConnectionTables() ?? new Dictionary<string, IReadOnlyList<SessionChangeView>>();
    }

    private void SetFlag(ref string? current, string? next, ElementFlags flag)
    {
        if (current is not null && Diagram.Nodes.TryGet(current, out var old))
        {
            old.SetFlags(flag, false);
        }

        current = next;
        if (next is not null && Diagram.Nodes.TryGet(next, out var node))
        {
            node.SetFlags(flag, true);
        }
    }

    private async Task AnnounceAsync() => await StepChanged.InvokeAsync((_state?.Current ?? -1) + 1);

    private async Task OnKeyDown(KeyboardEventArgs e)
    {
        _swallowKey = e.Key is " " or "ArrowLeft" or "ArrowRight" or "Home" or "End";
        switch (e.Key)
        {
            case " ":
                if (_playing)
                {
                    Pause();
                }
                else
                {
                    Play();
                }

                break;
            case "ArrowRight":
                await Forward();
                break;
            case "ArrowLeft":
                await Back();
                break;
            case "Home":
                await Reset();
                break;
            case "End":
                StopPlaying();
                await End();
                break;
        }
    }

    public ValueTask DisposeAsync()
    {
        StopPlaying();
        return ValueTask.CompletedTask;
    }
}
