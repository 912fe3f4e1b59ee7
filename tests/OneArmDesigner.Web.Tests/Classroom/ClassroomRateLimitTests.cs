using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using OneArmDesigner.Testing;

namespace OneArmDesigner.Web.Tests.Classroom;

public sealed class ClassroomRateLimitTests
{
    [Fact]
    public async Task Past_the_per_address_limit_the_classroom_api_answers_429_with_a_problem_naming_the_limit()
    {
        using var app = new RunningApp(settings: new Dictionary<string, string?> { ["Classroom:RequestsPerAddressPerMinute"] = "3" });
        using var http = app.CreateHttpClient();

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 5; i++)
        {
            var response = await http.GetAsync(new Uri("api/classrooms/ZZZZZZ", UriKind.Relative));
            statuses.Add(response.StatusCode);
            refused ??= response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal("application/problem+json", refused!.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Classroom:RequestsPerAddressPerMinute", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(refused.Headers.RetryAfter is not null);
    }

    [Fact]
    public async Task Guessing_codes_is_cut_off_per_address_even_for_a_real_code_and_the_class_is_untouched()
    {
        using var app = new RunningApp(settings: new Dictionary<string, string?> { ["Classroom:FailedJoinsPerAddressPerMinute"] = "3" });
        using var http = app.CreateHttpClient();
        var classroom = await ClassroomClient.StartAsync(http);
        var guesses = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            await using var guesser = await ClassroomClient.ConnectAsync(app.BaseUrl);
            guesses.Add((await Assert.ThrowsAsync<HubException>(() => guesser.Connection.InvokeAsync<JsonElement>("Join", "ZZZZZZ"))).Message);
        }

        await using var blocked = await ClassroomClient.ConnectAsync(app.BaseUrl);
        var cutOff = await Assert.ThrowsAsync<HubException>(() => blocked.Connection.InvokeAsync<JsonElement>("Join", classroom.Code));

        Assert.All(guesses, m => Assert.Contains("No live classroom has this code", m, StringComparison.Ordinal));
        Assert.Contains("FailedJoinsPerAddressPerMinute", cutOff.Message, StringComparison.Ordinal);
        Assert.Equal(0, (await http.GetFromJsonAsync<JsonElement>($"api/classrooms/{classroom.Code}")).GetProperty("followers").GetInt32());
    }
}
