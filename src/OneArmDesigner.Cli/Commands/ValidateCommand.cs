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
        $"Usage: onearm validate {DesignSource.Usage} [--format text|json]\n\n" +
        "A progress bar shows on stderr for long runs when stderr is a terminal; Ctrl+C stops (exit 130).\n" +
        "Exit status: 0 no error-level finding, 1 at least one, 2 bad input.\n";

    public int Run(Arguments arguments, TextWriter output)
    {
        var design = DesignSource.Load(arguments);
        var format = OutputFormats.Read(arguments);
        arguments.RejectUnknown();

        var report = console.Analyze(design).Report;
        output.Write(format == OutputFormat.Json ? AnalysisJson.Write(report) + "\n" : AnalysisText.Write(report));
        return report.HasErrors ? ExitCodes.Failure : ExitCodes.Success;
    }
}
