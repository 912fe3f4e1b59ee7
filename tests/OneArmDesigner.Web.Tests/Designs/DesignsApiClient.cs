using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace OneArmDesigner.Web.Tests.Designs;

/// <summary>A thin client over /api/designs so the tests read as the rules they check.</summary>
internal sealed class DesignsApiClient(HttpClient http)
{
    public sealed record Created(Guid Id, string Name, string EditToken, string ViewToken, string EditUrl, string ViewUrl, int Version);

    public static string Document(string name, string extra = "") =>
        $$"""{"schemaVersion":1,"name":"{{name}}","devices":[],"links":[]{{extra}}}""";

    public Task<HttpResponseMessage> PostAsync(string document) =>
        http.PostAsync(new Uri("api/designs", UriKind.Relative), Json(document));

    public async Task<Created> CreateAsync(string name = "Branch office")
    {
        var response = await PostAsync(Document(name));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Created>(JsonSerializerOptions.Web))!;
    }

    public async Task<Created> CreateFromAsync(string document)
    {
        var response = await PostAsync(document);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Created>(JsonSerializerOptions.Web))!;
    }

    public Task<HttpResponseMessage> ValidationAsync(string token) =>
        http.GetAsync(new Uri($"api/designs/{token}/validation", UriKind.Relative));

    /// <summary>The findings once the background analysis is done: asks again while the answer is 202.</summary>
    public async Task<JsonElement> FindingsAsync(string token)
    {
        for (var attempt = 0; attempt < 1200; attempt++)
        {
            using var response = await ValidationAsync(token);
            if (response.StatusCode != System.Net.HttpStatusCode.Accepted)
            {
                response.EnsureSuccessStatusCode();
                return await response.Content.ReadFromJsonAsync<JsonElement>();
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"The validation of {token} was still running after a minute.");
    }

    public Task<HttpResponseMessage> GetAsync(string token) => http.GetAsync(new Uri($"api/designs/{token}", UriKind.Relative));

    public Task<HttpResponseMessage> PutAsync(string token, string document, int? baseVersion, bool autosave = false)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"api/designs/{token}{(autosave ? "?autosave=true" : "")}")
        {
            Content = Json(document),
        };
        if (baseVersion is not null)
        {
            request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{baseVersion}\""));
        }

        return http.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostAsync(string token, string action) =>
        http.PostAsync(new Uri($"api/designs/{token}/{action}", UriKind.Relative), null);

    public Task<HttpResponseMessage> DeleteAsync(string path) => http.DeleteAsync(new Uri($"api/designs/{path}", UriKind.Relative));

    public async Task<string> NameOfAsync(string token)
    {
        var response = await GetAsync(token);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("name").GetString()!;
    }

    private static StringContent Json(string document) => new(document, Encoding.UTF8, "application/json");
}
