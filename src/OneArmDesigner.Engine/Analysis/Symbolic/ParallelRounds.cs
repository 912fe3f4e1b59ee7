using System.Runtime.ExceptionServices;

namespace OneArmDesigner.Engine.Analysis.Symbolic;

/// <summary>
/// Plays rounds of sources on one or more threads, each thread with its own <see cref="SymbolicAnalysis"/> (rounds
/// share nothing but the compiled network and the participants, which are only read), and hands what each round
/// decided to the caller in round order, one round at a time: the caller is told the same decisions in the same order
/// as one thread playing the rounds in turn would tell it, so the matrix, its outcomes, their examples and their
/// order do not depend on how many threads played or how fast.
/// </summary>
internal sealed class ParallelRounds
{
    private readonly List<int[]> _rounds;
    private readonly Func<Action<RangeSet, RangeSet, PairOutcome>, Func<bool>, SymbolicAnalysis> _create;
    private readonly Action<RangeSet, RangeSet, PairOutcome> _decided;
    private readonly Func<long, bool> _continue;
    private readonly Lock _lock = new();

    /// <summary>
    /// Rounds played but not yet handed over, because an earlier round is still being played (or was stopped), and
    /// whether each was played to its end (or known from an earlier run).
    /// </summary>
    private readonly Dictionary<int, (List<RoundDecision> Decisions, bool Complete)> _waiting = [];

    /// <summary>Rounds an earlier run finished: their decisions are handed over in their turn instead of playing them again.</summary>
    private readonly IReadOnlyDictionary<int, IReadOnlyList<RoundDecision>> _known;
    private int _lastTaken = -1;
    private int _nextToHandOver;
    private long _pairsDecided;
    private long _steps;
    private volatile bool _stopped;
    private Exception? _failure;

    /// <param name="create">A new analysis telling its decisions to the first argument and asking the second whether to go on.</param>
    /// <param name="decided">Told of every decision, in round order, by one thread at a time.</param>
    /// <param name="continue">Asked now and then, by one thread at a time, with the pairs decided so far; false stops every thread.</param>
    private ParallelRounds(List<int[]> rounds, Func<Action<RangeSet, RangeSet, PairOutcome>, Func<bool>, SymbolicAnalysis> create,
        Action<RangeSet, RangeSet, PairOutcome> decided, Func<long, bool> @continue, IReadOnlyDictionary<int, IReadOnlyList<RoundDecision>>? known)
    {
        (_rounds, _create, _decided, _continue, _known) = (rounds, create, decided, @continue, known ?? new Dictionary<int, IReadOnlyList<RoundDecision>>());
    }

    /// <summary>
    /// Plays the rounds on the calling thread and on up to <paramref name="threads"/> − 1 more, each started only when
    /// <paramref name="cores"/> lends it a core; returns the device steps played. A failure on any thread (a
    /// cancellation) stops them all and is thrown here. <paramref name="wholeRounds"/> is told, before what stopped rounds
    /// found is handed over, how many rounds from the first were played to their end and handed over, and the decisions
    /// of later rounds that were played to their end too; given back as <paramref name="known"/> to a later run, those
    /// rounds are handed over in their turn without playing them.
    /// </summary>
    public static long Run(List<int[]> rounds, int threads, ICoreLender? cores, Func<Action<RangeSet, RangeSet, PairOutcome>, Func<bool>, SymbolicAnalysis> create,
        Action<RangeSet, RangeSet, PairOutcome> decided, Func<long, bool> @continue,
        Action<int, IReadOnlyDictionary<int, IReadOnlyList<RoundDecision>>>? wholeRounds = null, IReadOnlyDictionary<int, IReadOnlyList<RoundDecision>>? known = null)
    {
        var run = new ParallelRounds(rounds, create, decided, @continue, known);
        var helpers = new List<Thread>();
        for (var i = 1; i < threads && i < rounds.Count && (cores?.TryBorrow() ?? true); i++)
        {
            var helper = new Thread(() =>
            {
                try
                {
                    cores?.PrepareThread();
                    run.Play();
                }
                finally
                {
                    cores?.Return();
                }
            })
            {
                IsBackground = true,
                Name = "onearm analysis",
            };
            helpers.Add(helper);
            helper.Start();
        }

        run.Play();
        foreach (var helper in helpers)
        {
            helper.Join();
        }

        if (run._failure is { } failure)
        {
            ExceptionDispatchInfo.Throw(failure);
        }

        // Rounds known from an earlier run that this one stopped before reaching are still known.
        var finishedLater = run._waiting.Where(w => w.Value.Complete).ToDictionary(w => w.Key, w => (IReadOnlyList<RoundDecision>)w.Value.Decisions);
        foreach (var (index, decisions) in run._known.Where(k => k.Key >= run._nextToHandOver))
        {
            finishedLater.TryAdd(index, decisions);
        }

        wholeRounds?.Invoke(run._nextToHandOver, finishedLater);

        // Stopped early: rounds stopped part way, and rounds finished after an earlier one stopped, keep what they found.
        foreach (var index in run._waiting.Keys.Order())
        {
            run.HandOver(run._waiting[index].Decisions);
        }

        return run._steps;
    }

    private void Play()
    {
        SymbolicAnalysis? analysis = null;
        List<RoundDecision> decisions = [];
        try
        {
            analysis = _create((sources, destinations, outcome) =>
            {
                decisions.Add(new RoundDecision(sources, destinations, outcome));
                Interlocked.Add(ref _pairsDecided, sources.Count * destinations.Count);
            }, Continue);
            while (!_stopped && Interlocked.Increment(ref _lastTaken) is var index && index < _rounds.Count)
            {
                if (_known.TryGetValue(index, out var done))
                {
                    Interlocked.Add(ref _pairsDecided, done.Sum(d => d.Sources.Count * d.Destinations.Count));
                    Finished(index, [.. done], complete: true);
                    continue;
                }

                decisions = [];
                var finished = analysis.RunRound(_rounds[index]);
                Finished(index, decisions, finished);
            }
        }
        catch (Exception e)
        {
            lock (_lock)
            {
                _failure ??= e;
                _stopped = true;
            }
        }
        finally
        {
            Interlocked.Add(ref _steps, analysis?.StepsPlayed ?? 0);
        }
    }

    private bool Continue()
    {
        lock (_lock)
        {
            _stopped |= !_stopped && !_continue(Interlocked.Read(ref _pairsDecided));
            return !_stopped;
        }
    }

    private void Finished(int index, List<RoundDecision> decisions, bool complete)
    {
        lock (_lock)
        {
            _stopped |= !complete;
            _waiting[index] = (decisions, complete);
            while (!_stopped && _waiting.Remove(_nextToHandOver, out var ready))
            {
                HandOver(ready.Decisions);
                _nextToHandOver++;
            }
        }
    }

    private void HandOver(List<RoundDecision> decisions)
    {
        foreach (var (sources, destinations, outcome) in decisions)
        {
            _decided(sources, destinations, outcome);
        }
    }
}

/// <summary>Pairs a round decided alike: every source with every destination, and how their exchanges end.</summary>
internal readonly record struct RoundDecision(RangeSet Sources, RangeSet Destinations, PairOutcome Outcome);
