namespace OneArmDesigner.Engine.Analysis;

/// <summary>
/// The conditions under which the analysis lets one played pair stand for others, and how it trades memory for
/// sharing. Every guard is needed for the matrix to equal tracing: the equivalence tests turn each one off in turn and
/// must then find a design where the matrix is wrong. Only tests change these; the product always runs <see cref="Default"/>.
/// </summary>
internal sealed record AnalysisSettings
{
    public static AnalysisSettings Default { get; } = new();

    /// <summary>Pairs whose addresses a device tells apart (routes, access lists, NAT, neighbours) are played apart.</summary>
    public bool SplitByAtoms { get; init; } = true;

    /// <summary>Pairs whose pasts answer a device's look-up (sessions, sockets, loop check) differently are played apart.</summary>
    public bool SplitByPasts { get; init; } = true;

    /// <summary>When both sides' pasts answer a look-up, the class is first cut into one class per source block.</summary>
    public bool SplitBothSidesBySource { get; init; } = true;

    /// <summary>A new packet (the reply, the ACK) starts at one host: the class is cut to the played pair's host.</summary>
    public bool NewPacketAtOneHost { get; init; } = true;

    /// <summary>Hosts whose address the design uses for something else are traced pair by pair.</summary>
    public bool TraceSharedAddresses { get; init; } = true;

    /// <summary>Hosts join an endpoint class only when every device treats their addresses alike.</summary>
    public bool EndpointClassesAskEveryDevice { get; init; } = true;

    /// <summary>Each block keeps its own request-and-reply path difference when they differ.</summary>
    public bool PathDifferencePerBlock { get; init; } = true;

    /// <summary>Each block keeps its own outcome facts (the concentrator that took the request out of the tunnel).</summary>
    public bool OutcomeFactsPerBlock { get; init; } = true;

    /// <summary>A class down to one pair is played to its end as plain tracing (faster; it only gives up later joins).</summary>
    public bool TraceSinglePairs { get; init; } = true;

    /// <summary>How many sources start together at most (see <see cref="Symbolic.SymbolicAnalysis.Run"/>); the first rounds are smaller.</summary>
    public int SourcesPerRound { get; init; } = 256;
}
