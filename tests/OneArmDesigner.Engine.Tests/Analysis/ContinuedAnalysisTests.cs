using OneArmDesigner.Domain.Model;
using OneArmDesigner.Domain.Templates;
using OneArmDesigner.Engine.Analysis;
using OneArmDesigner.Engine.Compilation;
using OneArmDesigner.Engine.Tests.Analysis.Equivalence;
using OneArmDesigner.Testing;

namespace OneArmDesigner.Engine.Tests.Analysis;

/// <summary>
/// An analysis cut short by its budget goes on from where it stopped when asked again with the earlier matrix, and
/// once complete it is what one run from the start gives: every cell, every outcome in the same order with the same
/// example, the same findings. Budgets are counted on a clock that ticks once per look at it, so where each run stops
/// does not depend on the machine; each run gets a share of the looks one whole run takes.
/// </summary>
public sealed class ContinuedAnalysisTests
{
    /// <summary>Rounds of three sources, so that small designs have several rounds to stop between.</summary>
    private static readonly AnalysisSettings SmallRounds = AnalysisSettings.Default with { SourcesPerRound = 3 };

    [Theory]
    [InlineData("irregular 40", 3)]
    [InlineData("irregular 40", 10)]
    [InlineData("hub and spoke 30", 4)]
    [InlineData("hub and spoke 30", 25)]
    public void Continued_until_complete_the_matrix_equals_one_run_from_the_start(string name, int runs)
    {
        var network = NetworkCompiler.Compile(Design(name));
        var whole = ReachabilityMatrix.Compute(network, SmallRounds);

        var (continued, taken) = ContinueUntilComplete(network, SmallRounds, LooksPerRun(network, SmallRounds, runs));

        Assert.True(taken > 1, "the budget should cut the first run short");
        AssertSame(whole, continued);
    }

    [Fact]
    public void Continued_in_parts_it_equals_one_run_on_random_designs()
    {
        for (var seed = 1; seed <= 300; seed++)
        {
            var network = NetworkCompiler.Compile(RandomDesigns.Generate(seed));
            var whole = ReachabilityMatrix.Compute(network, SmallRounds);
            foreach (var runs in new[] { 2, 5 })
            {
                var (continued, _) = ContinueUntilComplete(network, SmallRounds, LooksPerRun(network, SmallRounds, runs), $"seed {seed}");
                Assert.True(AnalysisJson.Write(whole) == AnalysisJson.Write(continued), $"seed {seed} in {runs} runs: the continued matrix differs");
            }
        }
    }

    [Fact]
    public void Continued_on_three_threads_it_equals_one_run_keeping_later_rounds_that_finished_before_an_earlier_one()
    {
        var (laterRoundsKept, shownAgain) = (0, 0);
        for (var seed = 1; seed <= 150; seed++)
        {
            var network = NetworkCompiler.Compile(RandomDesigns.Generate(seed));
            var whole = ReachabilityMatrix.Compute(network, SmallRounds);
            var looks = LooksPerRun(network, SmallRounds, 4);
            ReachabilityMatrix? matrix = null;
            for (var run = 0; matrix?.Complete != true; run++)
            {
                Assert.True(run < 200, $"seed {seed}: the analysis never completed");
                var next = ReachabilityMatrix.Compute(network, SmallRounds, Limits(looks, matrix) with { Threads = 3 });
                laterRoundsKept += next.Resume?.FinishedLater.Count ?? 0;

                // A run that played fewer pairs to their end than the run before shows that run's pairs again.
                Assert.True(next.Count >= (matrix?.Count ?? 0), $"seed {seed}: a run shows {next.Count} pairs after {matrix?.Count}");
                shownAgain += matrix is not null && ReferenceEquals(next.Outcomes, matrix.Outcomes) ? 1 : 0;
                looks *= next.Stalled ? 2 : 1;
                matrix = next;
            }

            Assert.True(AnalysisJson.Write(whole) == AnalysisJson.Write(matrix), $"seed {seed}: the matrix continued on three threads differs");
        }

        // Where runs stop depends on how the threads interleave; over these designs, later rounds finish first often,
        // and runs that decide fewer pairs than the one before happen.
        Assert.True(laterRoundsKept > 0, "no run kept a later round that finished before an earlier one");
        Assert.True(shownAgain > 0, "no run decided fewer pairs than the one before");
    }

    [Fact]
    public void The_findings_of_a_design_analysed_in_parts_are_those_of_one_analysis()
    {
        var design = IrregularNetwork.Generate(200);
        var whole = DesignAnalyzer.Analyze(design);
        var looks = LooksPerRun(NetworkCompiler.Compile(design), AnalysisSettings.Default, 4);

        var (analysis, runs) = ContinueUntilComplete(limits => DesignAnalyzer.Analyze(design, limits), a => a.Matrix, looks);

        Assert.True(runs > 1);
        Assert.Equal(AnalysisJson.Write(whole.Report), AnalysisJson.Write(analysis.Report));
        AssertSame(whole.Matrix, analysis.Matrix);
    }

    [Fact]
    public void Every_run_keeps_what_the_one_before_decided_and_decides_more()
    {
        var network = NetworkCompiler.Compile(IrregularNetwork.Generate(40));
        var whole = ReachabilityMatrix.Compute(network, SmallRounds);
        var looks = LooksPerRun(network, SmallRounds, 6);
        ReachabilityMatrix? earlier = null;
        while (earlier?.Complete != true)
        {
            var matrix = ReachabilityMatrix.Compute(network, SmallRounds, Limits(looks, earlier));

            Assert.All(matrix, entry => Assert.Equal(whole.Find(entry.From, entry.To)!.Outcome, entry.Outcome));
            Assert.True(matrix.Count > (earlier?.Count ?? 0), $"a run decided {matrix.Count} pairs after {earlier?.Count}");
            earlier = matrix;
        }
    }

    [Fact]
    public void A_run_that_goes_on_but_finishes_nothing_further_says_it_stalled_and_one_that_finishes_more_does_not()
    {
        var network = NetworkCompiler.Compile(IrregularNetwork.Generate(40));
        var looks = LooksPerRun(network, SmallRounds, 4);
        var first = ReachabilityMatrix.Compute(network, SmallRounds, Limits(looks, null));
        Assert.False(first.Stalled);

        var further = ReachabilityMatrix.Compute(network, SmallRounds, Limits(looks, first));
        var stuck = ReachabilityMatrix.Compute(network, SmallRounds, Limits(1, first));

        Assert.False(further.Stalled);
        Assert.True(further.Count > first.Count);
        Assert.True(stuck.Stalled);
        Assert.False(stuck.Complete);
    }

    [Fact]
    public void Filling_the_rows_of_a_class_s_members_keeps_to_the_budget_and_the_next_run_goes_on_from_the_decided_stand_ins()
    {
        // Three stand-ins decide everything at once; a run's looks go on filling the 301 hosts' rows, one look per row.
        var network = NetworkCompiler.Compile(FlatLan.Generate(300));
        var whole = ReachabilityMatrix.Compute(network);
        var looks = LooksPerRun(network, AnalysisSettings.Default, 3);

        var first = ReachabilityMatrix.Compute(network, Limits(looks, null));
        var (continued, runs) = ContinueUntilComplete(network, AnalysisSettings.Default, looks);

        Assert.False(first.Complete);
        Assert.InRange(first.Count, 1, whole.Count - 1);
        Assert.All(first, entry => Assert.Equal(whole.Find(entry.From, entry.To)!.Outcome, entry.Outcome));
        Assert.InRange(runs, 2, 4);
        AssertSame(whole, continued);
    }

    [Fact]
    public void A_run_whose_budget_runs_out_while_it_finds_the_classes_shows_the_run_before_and_says_it_stalled()
    {
        var network = NetworkCompiler.Compile(FlatLan.Generate(300));
        var first = ReachabilityMatrix.Compute(network, Limits(LooksPerRun(network, AnalysisSettings.Default, 2), null));

        var again = ReachabilityMatrix.Compute(network, Limits(2, first));
        var alone = ReachabilityMatrix.Compute(network, Limits(2, null));

        Assert.True(again.Stalled);
        Assert.Equal(AnalysisJson.Write(first), AnalysisJson.Write(again));
        Assert.Empty(alone);
        Assert.EndsWith("ran out after 0 of 90,601 host pairs", alone.Incomplete, StringComparison.Ordinal);
        Assert.False(alone.Complete);
        Assert.False(alone.Stalled);
        Assert.True(ReachabilityMatrix.Compute(network, Limits(2, alone)).Stalled);
    }

    [Fact]
    public void A_matrix_of_another_design_is_not_continued_from()
    {
        var otherNetwork = NetworkCompiler.Compile(IrregularNetwork.Generate(40));
        var other = ReachabilityMatrix.Compute(otherNetwork, SmallRounds, Limits(LooksPerRun(otherNetwork, SmallRounds, 3), null));
        Assert.False(other.Complete);
        var network = NetworkCompiler.Compile(IrregularNetwork.Generate(41));

        var matrix = ReachabilityMatrix.Compute(network, SmallRounds, new AnalysisLimits { Continuing = other });

        AssertSame(ReachabilityMatrix.Compute(network, SmallRounds), matrix);
    }

    [Fact]
    public void Continuing_leaves_the_earlier_matrix_as_it_was()
    {
        var network = NetworkCompiler.Compile(HubAndSpoke.Generate(30));
        var earlier = ReachabilityMatrix.Compute(network, SmallRounds, Limits(LooksPerRun(network, SmallRounds, 3), null));
        var before = AnalysisJson.Write(earlier);

        ReachabilityMatrix.Compute(network, SmallRounds, new AnalysisLimits { Continuing = earlier });

        Assert.Equal(before, AnalysisJson.Write(earlier));
        Assert.False(earlier.Complete);
    }

    private static void AssertSame(ReachabilityMatrix expected, ReachabilityMatrix actual)
    {
        Assert.True(actual.Complete);
        Assert.Equal(AnalysisJson.Write(expected), AnalysisJson.Write(actual));
        Assert.Equal(expected.Outcomes.Select(o => (o.Outcome, o.Pairs, o.Example.Flow)), actual.Outcomes.Select(o => (o.Outcome, o.Pairs, o.Example.Flow)));
        Assert.Equal(expected.TracedPairs, actual.TracedPairs);
    }

    /// <summary>
    /// Runs with the budget until one completes, each going on from the one before. A run that decided nothing more
    /// had less budget than the round it stopped in needs (it plays that round again from its start), so the next
    /// gets twice as much, as a person would give it.
    /// </summary>
    private static (ReachabilityMatrix Matrix, int Runs) ContinueUntilComplete(CompiledNetwork network, AnalysisSettings settings, long looks, string? what = null) =>
        ContinueUntilComplete(limits => ReachabilityMatrix.Compute(network, settings, limits), m => m, looks, what);

    private static (T Result, int Runs) ContinueUntilComplete<T>(Func<AnalysisLimits, T> analyse, Func<T, ReachabilityMatrix> matrixOf, long looks, string? what = null)
        where T : class
    {
        T? result = null;
        var runs = 0;
        while (result is null || !matrixOf(result).Complete)
        {
            Assert.True(runs < 200, $"{what}: the analysis never completed");
            var earlier = result is null ? null : matrixOf(result);
            var next = analyse(Limits(looks, earlier));
            looks *= matrixOf(next).Count > (earlier?.Count ?? 0) ? 1 : 2;
            (result, runs) = (next, runs + 1);
        }

        return (result, runs);
    }

    /// <summary>A budget of a share of the looks at the clock one whole run takes (at least enough for any one round).</summary>
    private static long LooksPerRun(CompiledNetwork network, AnalysisSettings settings, int runs)
    {
        var clock = new TickPerLookClock();
        ReachabilityMatrix.Compute(network, settings, new AnalysisLimits { Budget = TimeSpan.MaxValue, Clock = clock });
        return Math.Max(1, clock.Looks / runs);
    }

    private static AnalysisLimits Limits(long looks, ReachabilityMatrix? earlier) => new()
    {
        Budget = TimeSpan.FromTicks(looks),
        Clock = new TickPerLookClock(),
        Continuing = earlier,
    };

    private static Design Design(string name) => name.Split(' ') switch
    {
        ["irregular", var subnets] => IrregularNetwork.Generate(int.Parse(subnets)),
        ["hub", "and", "spoke", var sites] => HubAndSpoke.Generate(int.Parse(sites)),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such design"),
    };
}
