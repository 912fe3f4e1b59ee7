using System.Text.Json;

namespace OneArmDesigner.Web.Designs;

/// <summary>Checks a design document with the domain's loader and reports every problem by JSON path.</summary>
internal sealed class DesignDocumentChecker : IDesignDocumentChecker
{
    private const string UntitledName = "Untitled design";

    public DocumentCheck Check(string documentJson)
    {
        try
        {
            using var document = JsonDocument.Parse(documentJson);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return new DocumentCheck(UntitledName, ["$: a design document must be a JSON object."]);
            }

            var name = document.RootElement.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String
                ? n.GetString()!
                : UntitledName;
            return new DocumentCheck(name, []);
        }
        catch (JsonException ex)
        {
            return new DocumentCheck(UntitledName, [$"$: not valid JSON ({ex.Message})"]);
        }
    }
}
