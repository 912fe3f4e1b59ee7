using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace OneArmDesigner.Web.Designs;

/// <summary>
/// The If-Match of a save, read strictly: exactly one strong ETag of the form this API issues (<c>"3"</c>). Anything
/// else (<c>"03"</c>, <c>"+3"</c>, <c>" 3"</c>, a weak tag, <c>*</c>, a list) names no version this server gave out,
/// so it is refused rather than read as the nearest number.
/// </summary>
public sealed partial record IfMatch(int Version, ProblemHttpResult? Problem)
{
    public static string ETagFor(int version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    public static IfMatch Read(IHeaderDictionary headers)
    {
        var values = headers.IfMatch;
        if (values.Count == 0 || (values.Count == 1 && string.IsNullOrWhiteSpace(values[0])))
        {
            return Refused(StatusCodes.Status428PreconditionRequired, "If-Match is required",
                "Send If-Match with the ETag you read (for example If-Match: \"3\"), so a stale save cannot overwrite newer work.",
                "is missing; send the ETag you read");
        }

        var text = string.Join(", ", values.Select(v => v ?? ""));
        if (values.Count == 1 && Strong().Match(text.Trim()) is { Success: true } match
            && int.TryParse(match.Groups["version"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return new IfMatch(version, null);
        }

        var why = text.Trim() switch
        {
            "*" => "* would overwrite whatever is there now",
            var t when t.StartsWith("W/", StringComparison.Ordinal) => "a weak ETag never matches a save",
            var t when t.Contains(',', StringComparison.Ordinal) => "it lists several ETags, and a save is based on one version",
            _ => "it is not an ETag this API gives out",
        };
        return Refused(StatusCodes.Status400BadRequest, "If-Match is not a version",
            $"If-Match: {text} cannot be used: {why}. Send the ETag exactly as GET returned it, for example If-Match: \"3\".",
            $"{text} is not a version: {why}");
    }

    private static IfMatch Refused(int status, string title, string detail, string problem) =>
        new(0, TypedResults.Problem(statusCode: status, title: title, detail: detail,
            extensions: new Dictionary<string, object?> { ["problems"] = new[] { $"If-Match: {problem}" } }));

    [GeneratedRegex("^\"(?<version>[1-9][0-9]{0,9})\"$")]
    private static partial Regex Strong();
}
