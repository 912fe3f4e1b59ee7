namespace OneArmDesigner.Cli;

/// <summary>One `onearm` command.</summary>
public interface ICommand
{
    string Name { get; }

    /// <summary>One line for the command list.</summary>
    string Summary { get; }

    /// <summary>The full usage text, shown by `onearm NAME --help`.</summary>
    string Usage { get; }

    /// <summary>Runs the command; throws <see cref="UsageException"/> for bad input.</summary>
    int Run(Arguments arguments, TextWriter output);
}

/// <summary>A command that also reports on stderr while it succeeds (what an import left out, warnings of an export).</summary>
public interface IReportingCommand : ICommand
{
    int Run(Arguments arguments, TextWriter output, TextWriter error);

    int ICommand.Run(Arguments arguments, TextWriter output) => Run(arguments, output, TextWriter.Null);
}

/// <summary>Bad input: the message is printed on stderr and the exit code is 2.</summary>
public sealed class UsageException(string message) : Exception(message);
