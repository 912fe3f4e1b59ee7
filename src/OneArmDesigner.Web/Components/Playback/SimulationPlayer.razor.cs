using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using OneArmDesigner.Canvas;
using OneArmDesigner.Canvas.Behaviors;
using OneArmDesigner.Domain.Model;
using OneArmDesigner.Engine.Packets;
using OneArmDesigner.Engine.Training;
using OneArmDesigner.Web.Components.Diagrams;
using OneArmDesigner.Web.Simulation;

namespace OneArmDesigner.Web.Components.Playback;

/// <summary>
/// Plays a flow on a design step by step: the packet gliding along the cables with the way it took so far, the
/// narration, the packet inspector, the connection tables and the event list; in predict mode it asks the trainee each
/// decision before showing it. The trace is computed once on the server; playing only moves the current step, and
/// keys work from anywhere on the page (playback.js).
/// </summary>
public sealed partial class SimulationPlayer : IAsyncDisposable
{
    /// <summary>Time per step at 1× speed.</summary>
    private static readonly TimeSpan StepTime = TimeSpan.FromMilliseconds(900);

    private ElementReference _root;
    private PlayerScript? _script;
    private PlaybackState? _state;
    private PredictionQuiz? _quiz;
    private PredictionQuestion? _asking;
    private IReadOnlyDictionary<string, IReadOnlyList<SessionChangeView>> _tables = new Dictionary<string, IReadOnlyList<SessionChangeView>>();
    private IReadOnlyList<string>? _problems;
    private string? _from;
    private string? _to;
    private Protocol _protocol = Protocol.Tcp;
    private int _port = 3389;
    private double _speed = 1;
    private bool _presenter;
    private PlaybackLoop? _loop;
    private Design? _shownDesign;
    private bool _disposed;
    private Design? _tracedDesign;
    private int? _followedStep;

    [Parameter, EditorRequired] public Design Design { get; set; } = null!;

    /// <summary>The flow traced when the player opens, if any.</summary>
    [Parameter] public Flow? InitialFlow { get; set; }

    /// <summary>The step (1-based) to open at, as in a shared ?step= link; past the end means the last step.</summary>
    [Parameter] public long? InitialStep { get; set; }

    /// <summary>Open in predict mode, as a quiz link does.</summary>
    [Parameter] public bool InitialPredict { get; set; }

    /// <summary>
    /// A step (1-based) set from outside, shown whenever it changes: a live classroom's presenter moves followers with
    /// it. The viewer's own moves are theirs until it changes again (or is set again after null).
    /// </summary>
    [Parameter] public int? Step { get; set; }

    /// <summary>Raised when the flow, the step or the mode changes, so a page can keep its address in step.</summary>
    [Parameter] public EventCallback<PlayerPosition> PositionChanged { get; set; }

    /// <summary>Raised when the viewer moves to another step (1-based; 0 before the first): a live class follows it.</summary>
    [Parameter] public EventCallback<int> StepChanged { get; set; }

    /// <summary>The address of the quiz of a flow, for predict mode to offer; the current page's address in predict mode when null.</summary>
    [Parameter] public Func<Flow, string>? QuizLink { get; set; }

    /// <summary>Offer presenter mode (its button and F); false where F means something else (a follower's F rejoins the class).</summary>
    [Parameter] public bool OffersPresenterMode { get; set; } = true;

    /// <summary>The page's own buttons beside Trace, given the flow being shown (a live classroom starts on it).</summary>
    [Parameter] public RenderFragment<Flow>? Actions { get; set; }

    /// <summary>Shown under the narration once the last step is reached (for example a link to the fixed design).</summary>
    [Parameter] public RenderFragment<PlaybackState>? AtEnd { get; set; }

    [Inject] private SimulationResolver Resolver { get; set; } = null!;

    [Inject] private IJSRuntime JS { get; set; } = null!;

    public Diagram Diagram { get; } = new(behaviors: BehaviorSets.Playback());

    private IReadOnlyList<string> Hosts => [.. Design.Devices.Where(d => d.Kind.IsEndpoint()).Select(d => d.Name)];

    private Task<IEnumerable<string>> SearchHosts(string? text, CancellationToken ct) => HostSearch.Matching(Hosts, text);

    private string StepCounter => _state is null ? "" : $"step {_state.Current + 1} of {_state.Steps.Count}";

    private int GlideMs => (int)(StepTime.TotalMilliseconds * 0.8 / _speed);

    private string RootClass => _presenter ? "player presenter" : "player";

    private bool CanGoToNextPacket => _state?.CurrentStep is not { } step
        ? _state is not null
        : step.PacketIndex < _state!.Result.Packets.Count - 1;

    private bool CanJumpToDrop => _state is { DropIndex: { } drop } && drop != _state.Current;

    private bool Playing => _loop?.Playing ?? false;

    private PlaybackLoop Loop => _loop ??= new PlaybackLoop(InvokeAsync);

    /// <summary>The flow asked for; a host may be named or given by address, so stray spaces are not part of it.</summary>
    private Flow? CurrentFlow => string.IsNullOrWhiteSpace(_from) || string.IsNullOrWhiteSpace(_to)
        ? null
        : new Flow(_from.Trim(), _to.Trim(), _protocol, _port);

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
        PlaybackFit.Fit(Diagram);
        if (InitialFlow is { } flow)
        {
            (_from, _to, _protocol, _port) = (flow.From, flow.To, flow.Protocol, flow.DestinationPort);
            Trace();
            if (InitialPredict && _state is not null)
            {
                StartQuiz();
            }

            if (InitialStep is { } step && _state is not null)
            {
                _state.GoTo(step);
                Gate(-1);
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

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        _script = await PlayerScript.AttachAsync(JS, _root, this, fullscreenKey: OffersPresenterMode);
        if (_disposed)
        {
            await _script.DisposeAsync();
        }
    }

    private async Task RunAsync()
    {
        Trace();
        if (_quiz is not null && _state is not null)
        {
            StartQuiz();
        }

        await AnnounceAsync();
    }

    private void Trace()
    {
        StopPlaying();
        _quiz = null;
        _asking = null;
        if (CurrentFlow is not { } flow)
        {
            _problems = ["Choose the two hosts of the flow."];
            return;
        }

        var resolved = Resolver.Run(Design, flow);
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

    private async Task SetPredictAsync(bool on)
    {
        StopPlaying();
        _asking = null;
        if (on && _state is not null)
        {
            _state.Reset();
            StartQuiz();
        }
        else
        {
            _quiz = null;
        }

        ShowCurrent();
        await AnnounceAsync();
    }

    private void StartQuiz() => _quiz = new PredictionQuiz(PredictionQuestions.For(_tracedDesign ?? Design, _state!.Result));

    private Task Forward() => MoveAsync(s => s.Forward());

    private Task Back() => MoveAsync(s => s.Back());

    private Task NextDevice() => MoveAsync(s => s.NextDevice());

    private Task NextPacket() => MoveAsync(s => s.NextPacket());

    private Task JumpToDrop()
    {
        StopPlaying();
        return MoveAsync(s => s.JumpToDrop());
    }

    private Task Reset() => MoveAsync(s =>
    {
        s.Reset();
        return true;
    });

    private Task End()
    {
        StopPlaying();
        return MoveAsync(s =>
        {
            s.End();
            return true;
        });
    }

    private Task GoToIndex(int index) => MoveAsync(s =>
    {
        s.GoTo(index + 1);
        return true;
    });

    private async Task MoveAsync(Func<PlaybackState, bool> move)
    {
        if (_state is null || _asking is not null)
        {
            return;
        }

        var from = _state.Current;
        if (move(_state))
        {
            Gate(from);
            ShowCurrent();
            await AnnounceAsync();
        }
    }

    /// <summary>In predict mode, a move forward past a question stops just before the step it asks about.</summary>
    private void Gate(int from)
    {
        if (_quiz is null || _state is null)
        {
            return;
        }

        for (var step = from + 1; step <= _state.Current; step++)
        {
            if (_quiz.AskedBefore(step) is { } question)
            {
                _state.GoTo(step);
                _asking = question;
                StopPlaying();
                return;
            }
        }
    }

    private async Task AnswerAsync(string key)
    {
        if (_quiz is null || _asking is not { } question || _state is null || !_quiz.Answer(question, key))
        {
            return;
        }

        _asking = null;

        // A next device is shown at once, its device's reasoning in the feedback; a packet's fate shows at its end.
        await MoveAsync(s =>
        {
            if (question.Kind != PredictionKind.NextDevice)
            {
                return s.Forward();
            }

            s.GoTo(question.RevealAt + 1);
            return true;
        });
    }

    private void Play()
    {
        if (_state is null || _asking is not null)
        {
            return;
        }

        if (_state.AtEnd)
        {
            _state.Reset();
            ShowCurrent();
        }

        Loop.Start(
            async () =>
            {
                await MoveAsync(s => s.Forward());
                StateHasChanged();
                return _state is { AtEnd: false } && _asking is null;
            },
            () => StepTime / _speed,
            StateHasChanged);
    }

    private void Pause() => StopPlaying();

    private void StopPlaying() => _loop?.Stop();

    private void TogglePresenter()
    {
        _presenter = !_presenter;

        // Larger type for the back of the room: the labels are laid out again at their new size.
        Diagram.Options.LabelPixels = _presenter ? 15 : 12;
        Diagram.Options.LabelMinPixels = _presenter ? 14 : 11;
        Diagram.Options.LabelMaxPixels = _presenter ? 22 : 18;
        PlaybackFit.Fit(Diagram);
    }

    /// <summary>Rebuilds the connection tables for the current step (the canvas marks the device and any drop itself).</summary>
    private void ShowCurrent() =>
        _tables = _state?.ConnectionTables() ?? new Dictionary<string, IReadOnlyList<SessionChangeView>>();

    private async Task AnnounceAsync()
    {
        if (CurrentFlow is { } flow)
        {
            await PositionChanged.InvokeAsync(new PlayerPosition(flow, (_state?.Current ?? -1) + 1, _quiz is not null));
        }

        await StepChanged.InvokeAsync((_state?.Current ?? -1) + 1);
    }

    /// <summary>A presenter key pressed anywhere on the page (playback.js decides it was not meant for a field).</summary>
    [JSInvokable]
    public async Task OnPresenterKey(string key, bool shift)
    {
        switch (key)
        {
            case " " when Playing:
                Pause();
                break;
            case " ":
                Play();
                break;
            case "ArrowRight" when shift:
                await NextDevice();
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
                await End();
                break;
            case "n" or "N":
                await NextPacket();
                break;
            case "j" or "J":
                await JumpToDrop();
                break;
            case "f" or "F" when OffersPresenterMode:
                TogglePresenter();
                break;
            case "+" or "=":
                Diagram.ZoomBy(KeyboardBehavior.ZoomStep);
                break;
            case "-":
                Diagram.ZoomBy(1 / KeyboardBehavior.ZoomStep);
                break;
            case "0":
                PlaybackFit.Fit(Diagram);
                break;
            case "1" or "2" or "3" or "4" when _asking is { } question && int.Parse(key, System.Globalization.CultureInfo.InvariantCulture) <= question.Options.Count:
                await AnswerAsync(question.Options[int.Parse(key, System.Globalization.CultureInfo.InvariantCulture) - 1].Key);
                break;
        }

        StateHasChanged();
    }

    /// <summary>The browser left full screen (Escape): leave presenter mode with it.</summary>
    [JSInvokable]
    public void OnFullscreenLeft()
    {
        if (_presenter)
        {
            TogglePresenter();
            StateHasChanged();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        _loop?.Dispose();
        if (_script is not null)
        {
            await _script.DisposeAsync();
        }
    }
}

/// <summary>What a player shows, for a page to put in its address: the flow, the step (1-based, 0 before the first) and the mode.</summary>
public sealed record PlayerPosition(Flow Flow, int Step, bool Predict);
