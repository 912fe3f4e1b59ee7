using System.Globalization;
using System.Text.Json;
using OneArmDesigner.Domain.Addressing;

namespace OneArmDesigner.Import.Meraki;

/// <summary>
/// Reads values out of a JSON element by the shape the Meraki API documents, naming the JSON path of anything that
/// does not fit: `$["/networks/N_1/appliance/vlans"][0].subnet: expected an IPv4 prefix like "10.0.0.0/24", found 42`.
/// </summary>
internal sealed class JsonShape(string file, List<ImportProblem> problems)
{
    public static string Key(string path, string key) => $"{path}[{JsonSerializer.Serialize(key)}]";

    public static string Index(string path, int index) => $"{path}[{index.ToString(CultureInfo.InvariantCulture)}]";

    public static string Property(string path, string name) => $"{path}.{name}";

    public void Problem(string path, string message) => problems.Add(new ImportProblem(file, path, message));

    public IEnumerable<(JsonElement Item, string Path)> Array(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            Problem(path, $"expected an array (the endpoint's list), found {Describe(element)}");
            yield break;
        }

        var i = 0;
        foreach (var item in element.EnumerateArray())
        {
            yield return (item, Index(path, i++));
        }
    }

    public bool IsObject(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            return true;
        }

        Problem(path, $"expected an object, found {Describe(element)}");
        return false;
    }

    public JsonElement? Member(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    public string? String(JsonElement element, string path, string name, bool required)
    {
        var at = Property(path, name);
        switch (Member(element, name))
        {
            case { ValueKind: JsonValueKind.String } value:
                return value.GetString();
            case { ValueKind: JsonValueKind.Number } number:
                return number.GetRawText();
            case null when !required:
                return null;
            case null:
                Problem(at, "is missing");
                return null;
            case { } other:
                Problem(at, $"expected a string, found {Describe(other)}");
                return null;
        }
    }

    public bool Bool(JsonElement element, string path, string name, bool fallback)
    {
        switch (Member(element, name))
        {
            case { ValueKind: JsonValueKind.True }:
                return true;
            case { ValueKind: JsonValueKind.False }:
                return false;
            case null:
                return fallback;
            case { } other:
                Problem(Property(path, name), $"expected true or false, found {Describe(other)}");
                return fallback;
        }
    }

    public Ipv4Prefix? Prefix(JsonElement element, string path, string name, bool required)
    {
        var text = String(element, path, name, required);
        if (text is null)
        {
            return null;
        }

        if (Ipv4Prefix.TryParse(text, out var prefix))
        {
            return prefix;
        }

        Problem(Property(path, name), $"expected an IPv4 prefix like \"10.0.0.0/24\", found \"{text}\"");
        return null;
    }

    public Ipv4Address? Address(JsonElement element, string path, string name, bool required)
    {
        var text = String(element, path, name, required);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (Ipv4Address.TryParse(text, out var address))
        {
            return address;
        }

        Problem(Property(path, name), $"expected an IPv4 address like \"192.0.2.1\", found \"{text}\"");
        return null;
    }

    public static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"the string \"{Truncate(element.GetString() ?? "")}\"",
        JsonValueKind.Number => $"the number {element.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => element.GetRawText(),
        _ => "null",
    };

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..37] + "...";
}
