using System.Text.Json;
using System.Text.Json.Serialization;
using OneArmDesigner.Domain.Model;

namespace OneArmDesigner.Domain.Documents;

/// <summary>
/// Reads and writes the versioned JSON design document (docs/design-format.md). Loading never throws for bad input:
/// it returns every problem found, each with its JSON path.
/// </summary>
public static class DesignDocument
{
    /// <summary>The document version this build reads and writes.</summary>
    public const int SchemaVersion = 1;

    internal static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 32,
    };

    public static DesignLoadResult Load(string json)
    {
        DesignDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize<DesignDto>(json, Options);
        }
        catch (JsonException ex)
        {
            return Failed(DescribeJsonError(ex));
        }

        if (dto is null)
        {
            return Failed(new DocumentProblem("", "the document is empty (null); a design document is a JSON object"));
        }

        return new DocumentReader().Read(dto);
    }

    public static string Serialize(Design design) => JsonSerializer.Serialize(DocumentWriter.Write(design), Options);

    private static DesignLoadResult Failed(DocumentProblem problem) => new(null, [problem]);

    private static DocumentProblem DescribeJsonError(JsonException ex)
    {
        var path = (ex.Path ?? "$").TrimStart('$').TrimStart('.');
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
