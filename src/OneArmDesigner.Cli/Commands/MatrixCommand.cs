using OneArmDesigner.Engine.Analysis;

namespace OneArmDesigner.Cli.Commands;

/// <summary>`onearm matrix`: every ordered pair of hosts and the verdict of its default exchange.</summary>
public sealed class MatrixCommand(AnalysisConsole console) : ICommand
{
    public MatrixCommand()
        : this(AnalysisConsole.Silent)
    {
    }

    public string Name => "matrix";

    public string Summary => "reachability between every pair of hosts, both directions";

    public string Usage =>
        $"Usage: onearm matrix {DesignSource.Usage} [--format text|json] [--max-seconds S]\n\n" +
        "Each pair plays TCP to the destination's first listening port, or a ping when it listens on none.\n" +
        "A progress bar shows on stderr for long runs when stderr is a terminal; Ctrl+C stops (exit 130).\n" +
        "--max-seconds stops the analysis after S seconds and prints the pairs decided, saying it is incomplete.\n" +
        "Exit status: 0 every pair reachable, 1 some pair is not, 2 bad input,\n" +
        "3 stopped by --max-seconds with every pair decided so far reachable.\n";

    public int Run(Arguments arguments, TextWriter output)
    {
        var design = DesignSource.Load(arguments);
        var format = OutputFormats.Read(arguments);
        var budget = AnalysisConsole.ReadBudget(arguments);
        arguments.RejectUnknown();

        var matrix = console.Analyze(design, budget).Matrix;
        if (format == OutputFormat.Json)
        {
            AnalysisJson.Write(matrix, output);
            output.Write("\n");
        }
        else
        {
            AnalysisText.Write(matrix, output);
        }

        return !matrix.AllReachable ? ExitCodes.Failure : matrix.Complete ? ExitCodes.Success : ExitCodes.Incomplete;
    }
}
