using OneArmDesigner.Cli;
using OneArmDesigner.Cli.Commands;

// The command table: one line per command; each command lives in its own file under Commands/.
var console = AnalysisConsole.ForThisProcess();
var app = new CliApp(
[
    new SimulateCommand(),
    new TemplatesCommand(),
    new ValidateCommand(console),
    new FixCommand(),
    new MatrixCommand(console),
    new ImportCommand(),
    new ExportCommand(),
]);

return app.Run(args, Console.Out, Console.Error);
