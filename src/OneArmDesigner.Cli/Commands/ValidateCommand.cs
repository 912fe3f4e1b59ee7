using OneArmDesigner.Engine.Analysis;

namespace OneArmDesigner.Cli.Commands;

/// <summary>`onearm validate`: findings with their fixes; exit 1 when any is an error.</summary>
public sealed class ValidateCommand(AnalysisConsole console) : ICommand
{
    public ValidateCommand()
        : this(AnalysisConsole.Silent)
    {
    }

    public string Name => "validate";

    public string Summary => "find asymmetric routing, missing routes, unreachable VPN peers and more, with fixes";

    public string Usage =>
        $"Usage: onearm validate {DesignSource.Usage} [--format text|json] [--max-seconds S]\n\n" +
        "A progress bar shows on stderr for long runs when stderr is a terminal; Ctrl+C stops (exit 130).\n" +
        "--max-seconds stops the analysis after S seconds and prints what was found, saying it is incomplete.\n" +
        "Exit status: 0 no error-level finding, 1 at least one, 2 bad input,\n" +
        "3 stopped by --max-seconds with no error-level finding in the part analysed.\n";

    public int Run(Arguments arguments, TextWriter output)
    {
        var design = DesignSource.Load(arguments);
        var format = OutputFormats.Read(arguments);
        var budget = AnalysisConsole.ReadBudget(arguments);
        arguments.RejectUnknown();

        var report = console.Analyze(design, budget).Report;
        output.Write(format == OutputFormat.Json ? AnalysisJson.Write(report) + "\n" : AnalysisText.Write(report));
        return report.HasErrors ? ExitCodes.Failure : report.Complete ? ExitCodes.Success : ExitCodes.Incomplete;
    }
}
