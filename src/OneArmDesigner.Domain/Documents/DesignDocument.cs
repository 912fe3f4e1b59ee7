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

    /// <summary>The path problems with the whole document are reported under.</summary>
    public const string RootPath = "$";

    public static DesignLoadResult Load(string json)
    {
        DesignDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize<DesignDto>(json, Options);
        }
        catch (JsonException ex)
        {
            return Failed(JsonErrors.Describe(ex));
        }

        if (dto is null)
        {
            return Failed(new DocumentProblem(RootPath, "the document is empty (null); a design document is a JSON object"));
        }

        return new DocumentReader().Read(dto);
    }

    public static string Serialize(Design design) => JsonSerializer.Serialize(DocumentWriter.Write(design), Options);

    private static DesignLoadResult Failed(DocumentProblem problem) => new(null, [problem]);
}
