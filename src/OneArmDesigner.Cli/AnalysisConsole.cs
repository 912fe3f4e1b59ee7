using System.Diagnostics;
using OneArmDesigner.Domain.Model;
using OneArmDesigner.Engine.Analysis;

namespace OneArmDesigner.Cli;

/// <summary>
/// How `onearm validate` and `onearm matrix` run an analysis in this process: with a progress bar on stderr when
/// stderr is a terminal (never when it is a pipe or a file, so pipelines and tests see clean output), and cancelled
/// by Ctrl+C.
/// </summary>
public sealed class AnalysisConsole
{
    /// <summary>Runs shorter than this show no bar at all.</summary>
    public static readonly TimeSpan ShowAfter = TimeSpan.FromMilliseconds(500);

    private readonly TextWriter? _bar;
    private readonly TimeSpan _showAfter;
    private readonly bool _ctrlCCancels;

    public AnalysisConsole(TextWriter? progressBar, TimeSpan showAfter, bool ctrlCCancels)
    {
        _bar = progressBar;
        _showAfter = showAfter;
        _ctrlCCancels = ctrlCCancels;
    }

    /// <summary>No bar and no Ctrl+C handling: for running commands inside another program.</summary>
    public static AnalysisConsole Silent { get; } = new(null, ShowAfter, ctrlCCancels: false);

    /// <summary>The real console: a bar when stderr is a terminal, and Ctrl+C cancels.</summary>
    public static AnalysisConsole ForThisProcess() => new(Console.IsErrorRedirected ? null : Console.Error, ShowAfter, ctrlCCancels: true);

    /// <summary>The most `--max-seconds` accepts: a day.</summary>
    private const double MaxBudgetSeconds = 86_400;

    /// <summary>
    /// The time limit `--max-seconds` gives (seconds, a decimal point allowed), or none: a pipeline's bound on a large
    /// design, after which the output says incomplete and keeps what was found.
    /// </summary>
    public static TimeSpan? ReadBudget(Arguments arguments)
    {
        var value = arguments.Optional("max-seconds");
        if (value is null)
        {
            return null;
        }

        return double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            && seconds > 0 && seconds <= MaxBudgetSeconds
                ? TimeSpan.FromSeconds(seconds)
                : throw new UsageException($"--max-seconds: '{value}' is not a number of seconds above 0 and at most {MaxBudgetSeconds:0}");
    }

    /// <summary>
    /// Analyses the design, within <paramref name="budget"/> when one is given; throws OperationCanceledException when
    /// the person pressed Ctrl+C.
    /// </summary>
    public DesignAnalysis Analyze(Design design, TimeSpan? budget = null)
    {
        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCtrlC = (_, e) =>
        {
            // Stop the analysis at its next check and leave through the normal path, instead of being killed.
            e.Cancel = true;
            cancel.Cancel();
        };
        if (_ctrlCCancels)
        {
            Console.CancelKeyPress += onCtrlC;
        }

        var bar = _bar is null ? null : new TerminalProgressBar(_bar, _showAfter);
        try
        {
            // Every core: the result does not depend on it (DOTNET_PROCESSOR_COUNT=1 keeps it to one).
            return DesignAnalyzer.Analyze(design, new AnalysisLimits { Budget = budget, Cancellation = cancel.Token, Progress = bar, Threads = Environment.ProcessorCount });
        }
        finally
        {
            bar?.Clear();
            if (_ctrlCCancels)
            {
                Console.CancelKeyPress -= onCtrlC;
            }
        }
    }
}

/// <summary>One line redrawn in place on a terminal: a bar, the percentage and the host pairs done.</summary>
public sealed class TerminalProgressBar(TextWriter terminal, TimeSpan showAfter) : IProgress<AnalysisProgress>
{
    private const int Width = 30;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _drawnLength;

    public void Report(AnalysisProgress value)
    {
        if (_clock.Elapsed < showAfter)
        {
            return;
        }

        var filled = (int)Math.Round(value.Fraction * Width);
        var line = FormattableString.Invariant(
            $"analysing [{new string('#', filled)}{new string('.', Width - filled)}] {value.Fraction * 100,3:0}%  {value.PairsDone:N0} of {value.PairsTotal:N0} host pairs  (Ctrl+C to stop)");
        terminal.Write("\r" + line.PadRight(_drawnLength));
        terminal.Flush();
        _drawnLength = line.Length;
    }

    /// <summary>Rubs the line out, so what follows starts on a clean line.</summary>
    public void Clear()
    {
        if (_drawnLength > 0)
        {
            terminal.Write("\r" + new string(' ', _drawnLength) + "\r");
            terminal.Flush();
            _drawnLength = 0;
        }
    }
}
