using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OneArmDesigner.Fuzz.Tests;

/// <summary>One mutated document: its bytes, whether they are still JSON, and what was done to it (for the report).</summary>
public sealed record Mutant(int Case, byte[] Bytes, JsonNode? Json, IReadOnlyList<string> Mutations)
{
    public string Describe() =>
        $"case {Case} ({string.Join("; ", Mutations)}): {Encoding.UTF8.GetString(Bytes)[..Math.Min(Bytes.Length, 400)]}";
}

/// <summary>
/// Makes structurally mutated design documents from valid ones, deterministically from a seed: properties removed,
/// added or retyped, values swapped for edge cases (huge, negative, fractional, empty, long, odd Unicode), array
/// elements dropped or duplicated (duplicate names, dangling links), nesting deepened; and, on the bytes, text cut
/// short or a byte that is not UTF-8 put in.
/// </summary>
public sealed class DocumentMutator(IReadOnlyList<string> seeds, int seed)
{
    private static readonly Func<JsonNode?>[] EdgeValues =
    [
        () => null, () => true, () => 0, () => -1, () => 1.5, () => 1e308, () => -1e308, () => 65536, () => 4094, () => 4095,
        () => 2147483647, () => 9007199254740993, () => "", () => " ", () => "x", () => "10.0.0.300/24", () => "0.0.0.0/0",
        () => "10.0.0.1", () => "255.255.255.255/32", () => "1.2.3.4/33", () => "tcp", () => "passthrough", () => "\u0000",
        () => "\ud83d\ude00 ⇄ 東京", () => "\u202e" + "txt.exe", () => new string('A', 10_000), () => new JsonArray(), () => new JsonObject(),
        () => new JsonArray(1, "a", null), () => new JsonObject { ["x"] = 1 },
    ];

    private readonly Random _random = new(seed);

    public Mutant Next(int @case)
    {
        var document = JsonNode.Parse(seeds[_random.Next(seeds.Count)])!;
        var mutations = new List<string>();
        var count = 1 + _random.Next(3);
        for (var i = 0; i < count; i++)
        {
            mutations.Add(MutateStructure(ref document));
        }

        var bytes = Encoding.UTF8.GetBytes(document?.ToJsonString() ?? "null");
        JsonNode? json = document;

        // One case in eight is also broken below the JSON: cut short, or given a byte UTF-8 never has.
        switch (_random.Next(16))
        {
            case 0:
                var cut = _random.Next(bytes.Length);
                bytes = bytes[..cut];
                json = null;
                mutations.Add($"cut at byte {cut}");
                break;
            case 1:
                var at = _random.Next(bytes.Length);
                bytes[at] = (byte)(0x80 + _random.Next(0x80));
                json = null;
                mutations.Add($"byte {at} set to 0x{bytes[at]:X2}");
                break;
        }

        return new Mutant(@case, bytes, json, mutations);
    }

    private string MutateStructure(ref JsonNode? document)
    {
        if (document is null)
        {
            document = new JsonObject { ["schemaVersion"] = 1 };
            return "replaced the null document by {\"schemaVersion\":1}";
        }

        var places = new List<(JsonNode Node, string Path)>();
        Collect(document, "$", places);
        var (node, path) = places[_random.Next(places.Count)];
        switch (_random.Next(8))
        {
            case 0 when node.Parent is JsonObject parent:
                parent.Remove(node.GetPropertyName());
                return $"removed {path}";
            case 1 when node is JsonObject target:
                var name = "unknown" + _random.Next(100);
                target[name] = EdgeValues[_random.Next(EdgeValues.Length)]();
                return $"added {path}.{name}";
            case 2 when node is JsonArray array && array.Count > 0:
                var index = _random.Next(array.Count);
                array.RemoveAt(index);
                return $"removed {path}[{index}]";
            case 3 when node is JsonArray array && array.Count > 0:
                var copy = array[_random.Next(array.Count)]?.DeepClone();
                array.Insert(_random.Next(array.Count + 1), copy);
                return $"duplicated an element of {path}";
            case 4 when node.Parent is not null:
                var wrapped = node.DeepClone();
                for (var depth = 0; depth < 40; depth++)
                {
                    wrapped = new JsonArray(wrapped);
                }

                Replace(node, wrapped);
                return $"nested {path} 40 deep";
            case 5 when node is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0:
                var changed = text.Insert(_random.Next(text.Length), ((char)_random.Next(0x20, 0x7f)).ToString());
                Replace(node, changed);
                return $"edited {path} to {changed[..Math.Min(changed.Length, 40)]}";
            default:
                if (node.Parent is null)
                {
                    var root = EdgeValues[_random.Next(EdgeValues.Length)]();
                    document = root;
                    return "replaced the document by " + (root?.ToJsonString() ?? "null")[..Math.Min((root?.ToJsonString() ?? "null").Length, 40)];
                }

                var edge = EdgeValues[_random.Next(EdgeValues.Length)]();
                Replace(node, edge);
                return $"set {path} to {(edge?.ToJsonString() ?? "null")[..Math.Min((edge?.ToJsonString() ?? "null").Length, 40)]}";
        }
    }

    private static void Replace(JsonNode node, JsonNode? with)
    {
        switch (node.Parent)
        {
            case JsonObject parent:
                parent[node.GetPropertyName()] = with;
                break;
            case JsonArray array:
                array[node.GetElementIndex()] = with;
                break;
        }
    }

    private static void Collect(JsonNode? node, string path, List<(JsonNode, string)> places)
    {
        if (node is null)
        {
            return;
        }

        places.Add((node, path));
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    Collect(child, $"{path}.{key}", places);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Collect(array[i], $"{path}[{i}]", places);
                }

                break;
        }
    }
}
