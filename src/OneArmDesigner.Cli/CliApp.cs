using System.Reflection;

namespace OneArmDesigner.Cli;

/// <summary>Dispatches `onearm COMMAND ...` to its command, and turns bad input into exit code 2 with a message.</summary>
public sealed class CliApp(IReadOnlyList<ICommand> commands)
{
    public int Run(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length == 0 || args[0] is "--help" or "-h" or "help")
        {
            output.Write(Help());
            return args.Length == 0 ? ExitCodes.BadInput : ExitCodes.Success;
        }

        if (args[0] == "--version")
        {
            output.WriteLine(typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown");
            return ExitCodes.Success;
        }

        var command = commands.FirstOrDefault(c => c.Name == args[0]);
        if (command is null)
        {
            error.WriteLine($"onearm: '{args[0]}' is not a command; commands are {string.Join(", ", commands.Select(c => c.Name))}");
            return ExitCodes.BadInput;
        }

        if (args.Skip(1).Any(a => a is "--help" or "-h"))
        {
            output.Write(command.Usage);
            return ExitCodes.Success;
        }

        try
        {
            var arguments = new Arguments(args.Skip(1));
            return command is IReportingCommand reporting ? reporting.Run(arguments, output, error) : command.Run(arguments, output);
        }
        catch (UsageException ex)
        {
            error.WriteLine($"onearm {command.Name}: {ex.Message}");
            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException)
        {
            error.WriteLine($"onearm {command.Name}: stopped (Ctrl+C)");
            return ExitCodes.Cancelled;
        }
    }

    private string Help() =>
        "onearm: design checks and packet-flow simulation for one-armed VPN concentrator deployments\n\n" +
        "Usage: onearm COMMAND [options]   (onearm COMMAND --help for details)\n\nCommands:\n" +
        string.Concat(commands.Select(c => $"  {c.Name,-10} {c.Summary}\n")) +
        "\nExit status: 0 success, 1 the exchange failed or errors were found, 2 bad input.\n";
}
