using System.Text.Json;

namespace OneArmDesigner.Domain.Documents;

/// <summary>
/// What the serializer found wrong with a JSON text, said for people and placed by JSON path: the design document's
/// loader uses it, and so does every API that reads a JSON request.
/// </summary>
public static class JsonErrors
{
    public static DocumentProblem Describe(JsonException ex)
    {
        var path = (ex.Path ?? "$").TrimStart('$').TrimStart('.') is { Length: > 0 } inside ? inside : DesignDocument.RootPath;
        var where = ex.LineNumber is { } line ? $" (line {line + 1}, position {(ex.BytePositionInLine ?? 0) + 1})" : "";
        var message = ex.Message;
        if (message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            return new DocumentProblem(path, "unknown property" + where);
        }

        if (message.Contains("could not be converted", StringComparison.Ordinal))
        {
            return new DocumentProblem(path, "has the wrong type for this field" + where);
        }

        var firstSentence = message.Split(". Path:", 2)[0].Split(" LineNumber:", 2)[0].TrimEnd('.', ' ');
        return new DocumentProblem(path, $"not valid JSON: {firstSentence}{where}");
    }
}
