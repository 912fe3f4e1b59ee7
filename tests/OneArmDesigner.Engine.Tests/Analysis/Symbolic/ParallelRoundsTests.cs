using OneArmDesigner.Domain.Templates;
using OneArmDesigner.Engine.Analysis;
using OneArmDesigner.Engine.Analysis.Symbolic;
using OneArmDesigner.Engine.Compilation;

namespace OneArmDesigner.Engine.Tests.Analysis.Symbolic;

/// <summary>Rounds of sources played on several threads give exactly what one thread gives, and never more threads than lent.</summary>
public sealed class ParallelRoundsTests
{
    // Small rounds, so that even a small design has many rounds to share out.
    private static readonly AnalysisSettings SmallRounds = AnalysisSettings.Default with { SourcesPerRound = 4 };

    private static readonly CompiledNetwork Irregular = NetworkCompiler.Compile(IrregularNetwork.Generate(60));

    [Fact]
    public void On_four_threads_the_matrix_is_the_one_thread_matrix_cell_for_cell_with_its_outcomes_in_the_same_order()
    {
        var alone = ReachabilityMatrix.Compute(Irregular, SmallRounds);

        var shared = ReachabilityMatrix.Compute(Irregular, SmallRounds, new AnalysisLimits { Threads = 4 });

        Assert.Equal(alone.Outcomes.Select(o => (o.Outcome, o.Pairs, o.Example.Summary)), shared.Outcomes.Select(o => (o.Outcome, o.Pairs, o.Example.Summary)));
        Assert.Equal(alone.Select(e => (e.From, e.To, e.Outcome)), shared.Select(e => (e.From, e.To, e.Outcome)));
        Assert.Equal(alone.Diagnostics, shared.Diagnostics);
        Assert.True(alone.Outcomes.Count > 3, "the design should have several outcomes for their order to mean something");
    }

    [Fact]
    public void Only_threads_the_lender_gives_a_core_to_are_started_and_every_core_is_given_back()
    {
        var lender = new CountingLender(free: 1);

        var matrix = ReachabilityMatrix.Compute(Irregular, SmallRounds, new AnalysisLimits { Threads = 8, Cores = lender });

        Assert.Equal(1, lender.MostBorrowedAtOnce);
        Assert.Equal(0, lender.Borrowed);
        Assert.Equal(ReachabilityMatrix.Compute(Irregular, SmallRounds).Select(e => e.Outcome), matrix.Select(e => e.Outcome));
    }

    [Fact]
    public void With_no_core_to_spare_it_plays_on_the_callers_thread_alone()
    {
        var lender = new CountingLender(free: 0);

        var matrix = ReachabilityMatrix.Compute(Irregular, SmallRounds, new AnalysisLimits { Threads = 8, Cores = lender });

        Assert.Equal(0, lender.MostBorrowedAtOnce);
        Assert.True(matrix.Complete);
    }

    [Fact]
    public void Cancelled_while_helpers_play_it_stops_them_all_and_throws_to_the_caller()
    {
        using var cancellation = new CancellationTokenSource();
        var lender = new CountingLender(free: 3);
        var limits = new AnalysisLimits
        {
            Threads = 4,
            Cores = lender,
            Cancellation = cancellation.Token,
            Progress = new Inline(p =>
            {
                if (p.PairsDone > 0)
                {
                    cancellation.Cancel();
                }
            }),
        };

        Assert.ThrowsAny<OperationCanceledException>(() => ReachabilityMatrix.Compute(Irregular, SmallRounds, limits));
        Assert.Equal(0, lender.Borrowed);
    }

    [Fact]
    public void Stopped_part_way_on_several_threads_it_hands_over_only_right_decisions_each_pair_once()
    {
        var participants = TestParticipants.Of(Irregular);
        var everything = Decisions(participants, threads: 1, stopAfter: long.MaxValue);

        var part = Decisions(participants, threads: 4, stopAfter: everything.Count / 3);

        Assert.InRange(part.Count, everything.Count / 3, everything.Count - 1);
        Assert.All(part, decision => Assert.Equal(everything[decision.Key], decision.Value));
    }

    /// <summary>Every pair the analysis decided and how, asking it to stop once it has decided <paramref name="stopAfter"/> pairs.</summary>
    private static Dictionary<(int, int), PairOutcome> Decisions(Participants participants, int threads, long stopAfter)
    {
        var decided = new Dictionary<(int, int), PairOutcome>();
        ParallelRounds.Run(SymbolicAnalysis.Rounds(participants, SmallRounds), threads, cores: null,
            (told, @continue) => new SymbolicAnalysis(Irregular, participants, told, @continue, SmallRounds),
            (sources, destinations, outcome) =>
            {
                foreach (var pair in sources.Members().SelectMany(s => destinations.Members().Select(d => (s, d))))
                {
                    decided.Add(pair, outcome);
                }
            },
            done => done < stopAfter);
        return decided;
    }

    /// <summary>A lender with a fixed number of free cores that remembers how many it lent at most.</summary>
    private sealed class CountingLender(int free) : ICoreLender
    {
        private int _borrowed;
        private int _most;

        public int Borrowed => Volatile.Read(ref _borrowed);

        public int MostBorrowedAtOnce => Volatile.Read(ref _most);

        public bool TryBorrow()
        {
            lock (this)
            {
                if (_borrowed == free)
                {
                    return false;
                }

                _most = Math.Max(_most, ++_borrowed);
                return true;
            }
        }

        public void Return()
        {
            lock (this)
            {
                _borrowed--;
            }
        }

        public void PrepareThread()
        {
        }
    }

    private sealed class Inline(Action<AnalysisProgress> report) : IProgress<AnalysisProgress>
    {
        public void Report(AnalysisProgress value) => report(value);
    }
}
