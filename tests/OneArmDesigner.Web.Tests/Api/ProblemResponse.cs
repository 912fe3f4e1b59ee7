using System.Net;
using System.Text.Json;

namespace OneArmDesigner.Web.Tests.Api;

/// <summary>A response read as the problem+json every API error must be.</summary>
internal sealed record ProblemResponse(HttpStatusCode Status, string? Title, string? Detail, IReadOnlyList<string> Problems, JsonElement Body)
{
    public static async Task<ProblemResponse> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json",
            $"{(int)response.StatusCode} answered {response.Content.Headers.ContentType?.MediaType ?? "no content type"}: {text[..Math.Min(text.Length, 300)]}");
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        var body = JsonDocument.Parse(text).RootElement.Clone();
        var problems = body.TryGetProperty("problems", out var list) ? list.EnumerateArray().Select(p => p.GetString()!).ToList() : [];
        return new ProblemResponse(response.StatusCode,
            body.TryGetProperty("title", out var title) ? title.GetString() : null,
            body.TryGetProperty("detail", out var detail) ? detail.GetString() : null,
            problems, body);
    }
}
