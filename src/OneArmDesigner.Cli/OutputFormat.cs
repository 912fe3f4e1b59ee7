namespace OneArmDesigner.Cli;

public enum OutputFormat
{
    Text,
    Json,
}

public static class OutputFormats
{
    public static readonly IReadOnlyDictionary<string, OutputFormat> Choices = new Dictionary<string, OutputFormat>
    {
        ["text"] = OutputFormat.Text,
        ["json"] = OutputFormat.Json,
    };

    public static OutputFormat Read(Arguments arguments) => arguments.Choice("format", OutputFormat.Text, Choices);
}
