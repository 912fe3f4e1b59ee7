namespace OneArmDesigner.Cli;

/// <summary>What `onearm` returns, for pipelines.</summary>
public static class ExitCodes
{
    /// <summary>The exchange completed, or no error-level finding.</summary>
    public const int Success = 0;

    /// <summary>A packet was dropped, or an error-level finding exists.</summary>
    public const int Failure = 1;

    /// <summary>The command line or the input was wrong; stderr says what.</summary>
    public const int BadInput = 2;

    /// <summary>
    /// `--max-seconds` ran out before the analysis was complete, and the part analysed found nothing that would exit 1:
    /// the design is not known to be right.
    /// </summary>
    public const int Incomplete = 3;

    /// <summary>Stopped by Ctrl+C, as shells report an interrupt (128 + SIGINT).</summary>
    public const int Cancelled = 130;
}
