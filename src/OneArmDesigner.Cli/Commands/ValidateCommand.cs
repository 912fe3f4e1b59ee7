using OneArmDesigner.Engine.Analysis;

namespace OneArmDesigner.Cli.Commands;

/// <summary>`onearm validate`: findings with their fixes; exit 1 when any is an error.</summary>
public sealed class ValidateCommand : ICommand
{
    public string Name => "validate";

    public string Summary => "find asymmetric routing, missing routes, unreachable VPN peers and more, with fixes";

    public string Usage =>
        $"Usage: onearm validate {DesignSource.Usage} [--format text|json]\n\n" +
        "Exit status: 0 no error-level finding, 1 at least one, 2 bad input.\n";

    public int Run(Arguments arguments, TextWriter output)
    {
        var design = DesignSource.Load(arguments);
        var format = OutputFormats.Read(arguments);
        arguments.RejectUnknown();

        var report = DesignAnalyzer.Validate(design);
        output.Write(format == OutputFormat.Json ? AnalysisJson.Write(report) + "\n" : AnalysisText.Write(report));
        return report.HasErrors ? ExitCodes.Failure : ExitCodes.Success;
    }
}
