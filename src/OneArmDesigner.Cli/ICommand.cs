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

/// <summary>Bad input: the message is printed on stderr and the exit code is 2.</summary>
public sealed class UsageException(string message) : Exception(message);
