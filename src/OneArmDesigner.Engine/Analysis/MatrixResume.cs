using OneArmDesigner.Engine.Analysis.Symbolic;
using OneArmDesigner.Engine.Tracing;

namespace OneArmDesigner.Engine.Analysis;

/// <summary>
/// Where an analysis cut short by its budget can go on from: the stand-ins' cells, how many rounds of sources were
/// played to their end and handed over in order, the outcomes (with their examples) known at that point, and what later
/// rounds that were also played to their end decided (on several threads, a later round can finish while an earlier
/// one is stopped). The next run hands those decisions over in their turn instead of playing the rounds again, and
/// plays the rest as one run from the start would, so the result is the same cell for cell and outcome for outcome in
/// the same order. Cells of rounds after the whole ones are cleared first; pairs traced alone after the rounds are
/// kept where decided. Once every stand-in pair is decided, the members' rows are filled from them one host at a time;
/// a run stopped there keeps the rows it filled (<see cref="Filling"/>) and the next fills on from the row after.
/// </summary>
internal sealed record MatrixResume(
    IReadOnlyList<string> Hosts,
    OutcomeCells StandInCells,
    int WholeRounds,
    IReadOnlyDictionary<int, IReadOnlyList<RoundDecision>> FinishedLater,
    IReadOnlyList<(PairOutcome Outcome, ExchangeResult Example)> Outcomes,
    int Traced)
{
    /// <summary>Rounds a further run does not play again: a run that adds none and traces nothing more got no further.</summary>
    public int RoundsKept => WholeRounds + FinishedLater.Count;

    /// <summary>The members' rows filled so far, when every stand-in pair was decided; null before that.</summary>
    public RowsFilled? Filling { get; init; }

    /// <summary>Rows a further run does not fill again.</summary>
    public int RowsKept => Filling?.Rows ?? 0;
}

/// <summary>
/// The matrix as far as its rows were filled from the stand-ins, with every outcome known then (those of members traced
/// because a renamed outcome was new among them), the renamed outcomes seen, the pairs per outcome and the traces made.
/// </summary>
internal sealed record RowsFilled(
    OutcomeCells Cells,
    int Rows,
    int Pairs,
    IReadOnlyList<(PairOutcome Outcome, ExchangeResult Example)> Outcomes,
    IReadOnlyDictionary<PairOutcome, int> Renamed,
    IReadOnlyList<int> PairsPerOutcome,
    int Traced);
