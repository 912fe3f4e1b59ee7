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

    /// <summary>Stopped by Ctrl+C, as shells report an interrupt (128 + SIGINT).</summary>
    public const int Cancelled = 130;
}
