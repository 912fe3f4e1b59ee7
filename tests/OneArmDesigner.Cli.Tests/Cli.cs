using OneArmDesigner.Cli.Commands;

namespace OneArmDesigner.Cli.Tests;

/// <summary>Runs `onearm` in-process with the real command table and captures what it prints.</summary>
internal static class Cli
{
    public sealed record Outcome(int ExitCode, string Output, string Error);

    public static Outcome Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = new CliApp([new SimulateCommand(), new TemplatesCommand(), new ValidateCommand(), new FixCommand(), new MatrixCommand(), new ImportCommand(), new ExportCommand()]).Run(args, output, error);
        return new Outcome(code, output.ToString(), error.ToString());
    }
}
