using System.Reflection;
using System.Text.Json;
using OneArmDesigner.Domain.Documents;

namespace OneArmDesigner.Engine.Tests.Domain;

/// <summary>The published JSON Schema cannot silently drift from the document the loader reads.</summary>
public sealed class SchemaTests
{
    [Fact]
    public void The_schema_is_valid_json_and_names_every_property_of_the_document()
    {
        var schemaText = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "schema", "design-v1.schema.json"));
        using var schema = JsonDocument.Parse(schemaText);
        var named = new HashSet<string>(StringComparer.Ordinal);
        Collect(schema.RootElement, named);

        var dtoTypes = typeof(DesignDocument).Assembly.GetTypes().Where(t => t.Namespace == typeof(DesignDocument).Namespace && t.Name.EndsWith("Dto", StringComparison.Ordinal));
        var properties = dtoTypes.SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).Distinct().ToList();

        Assert.NotEmpty(properties);
        Assert.All(properties, p => Assert.Contains(p, named));
    }

    private static void Collect(JsonElement element, HashSet<string> named)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.Name == "properties")
                {
                    foreach (var name in property.Value.EnumerateObject())
                    {
                        named.Add(name.Name);
                    }
                }

                Collect(property.Value, named);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Collect(item, named);
            }
        }
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "OneArmDesigner.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("Run the tests from inside the repository.");
    }
}
