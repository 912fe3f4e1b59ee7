using OneArmDesigner.Engine.Tracing;

namespace OneArmDesigner.Engine.Analysis;

/// <summary>
/// Where an analysis cut short by its budget can go on from: the stand-ins' cells, how many rounds of sources were
/// played to their end in order, and the outcomes (with their examples) known at that point. Rounds share nothing,
/// so playing the rest of the rounds from here gives what one run from the start gives, cell for cell and outcome for
/// outcome in the same order. Cells of later rounds that were stopped part way are cleared and played again; the
/// pairs traced alone after the rounds are kept where decided.
/// </summary>
internal sealed record MatrixResume(
    IReadOnlyList<string> Hosts,
    OutcomeCells StandInCells,
    int WholeRounds,
    IReadOnlyList<(PairOutcome Outcome, ExchangeResult Example)> Outcomes,
    int Traced);
