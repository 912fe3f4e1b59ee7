using OneArmDesigner.Domain.Model;
using OneArmDesigner.Domain.Templates;
using OneArmDesigner.Engine.Analysis;
using OneArmDesigner.Engine.Analysis.Symbolic;
using OneArmDesigner.Engine.Compilation;

namespace OneArmDesigner.Engine.Tests.Analysis.Symbolic;

/// <summary>An analysis stopped by its budget keeps what it decided: the rounds of sources make that whole sources.</summary>
public sealed class SourceRoundsTests
{
    [Fact]
    public void Stopped_as_soon_as_it_has_decided_sixteen_sources_worth_of_pairs_it_has_decided_every_pair_of_the_first_sixteen()
    {
        var network = NetworkCompiler.Compile(IrregularNetwork.Generate(150));
        var participants = TestParticipants.Of(network);
        var destinations = Enumerable.Range(0, participants.Count).Where(h => participants.FlowGroups[h] >= 0).ToHashSet();
        var firstSources = participants.ByAddress[..16];
        var firstSourcesPairs = firstSources.Sum(s => destinations.Count(d => d != s));
        var decided = new HashSet<(int Source, int Destination)>();
        var whole = -1;

        ParallelRounds.Run(SymbolicAnalysis.Rounds(participants, AnalysisSettings.Default), threads: 1, cores: null,
            (told, @continue) => new SymbolicAnalysis(network, participants, told, @continue),
            (sources, targets, _) => decided.UnionWith(sources.Members().SelectMany(s => targets.Members().Select(d => (s, d)))),
            done => done < firstSourcesPairs,
            (rounds, _) => whole = rounds);

        Assert.Equal(1, whole);
        Assert.Equal(firstSourcesPairs, decided.Count);
        Assert.All(firstSources, s => Assert.All(destinations.Where(d => d != s), d => Assert.Contains((s, d), decided)));
    }
}
