using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using OneArmDesigner.Testing;
using OneArmDesigner.Web.Classroom;

namespace OneArmDesigner.Web.Tests.Classroom;

public sealed class ClassroomHubTests : IClassFixture<ClassroomHubTests.App>, IDisposable
{
    public sealed class App : IDisposable
    {
        public RunningApp Running { get; } = new(settings: new Dictionary<string, string?>
        {
            ["Classroom:JoinsPerConnectionPerMinute"] = "5",
        });

        public void Dispose() => Running.Dispose();
    }

    private readonly RunningApp _app;
    private readonly HttpClient _http;

    public ClassroomHubTests(App app)
    {
        _app = app.Running;
        _http = _app.CreateHttpClient();
    }

    public void Dispose() => _http.Dispose();

    private Task<ClassroomClient> ConnectAsync() => ClassroomClient.ConnectAsync(_app.BaseUrl);

    private async Task<JsonElement> GetAsync(string code) =>
        await _http.GetFromJsonAsync<JsonElement>($"api/classrooms/{code}");

    [Fact]
    public async Task Starting_a_classroom_returns_a_six_character_code_a_join_link_and_a_separate_presenter_link()
    {
        var response = await _http.PostAsJsonAsync("api/classrooms", new { template = "one-arm-asymmetric", from = "LaptopA", to = "LaptopB", port = 3389 });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<CreatedClassroomResponse>(JsonSerializerOptions.Web))!;
        Assert.Matches("^[A-HJ-NP-Z2-9]{6}$", created.Code);
        Assert.Equal($"{_app.BaseUrl}/classroom/{created.Code}", created.JoinUrl);
        Assert.Equal($"{_app.BaseUrl}/present/{created.PresenterToken}", created.PresenterUrl);
        Assert.DoesNotContain(created.Code, created.PresenterToken, StringComparison.Ordinal);
        var state = await GetAsync(created.Code);
        Assert.Equal(created.Code, state.GetProperty("code").GetString());
        Assert.Equal(0, state.GetProperty("step").GetInt32());
        Assert.Equal(0, state.GetProperty("followers").GetInt32());
    }

    [Fact]
    public async Task A_bad_request_is_a_400_naming_each_field_and_an_unknown_code_a_404()
    {
        var bad = await _http.PostAsJsonAsync("api/classrooms", new { template = "no-such-template", port = 3389 });
        var unknown = await _http.GetAsync(new Uri("api/classrooms/ZZZZZZ", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problems = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems").EnumerateArray().Select(p => p.GetString()).ToList();
        Assert.Contains(problems, p => p!.StartsWith("template:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p!.StartsWith("from:", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_follower_gets_the_current_step_on_joining_and_every_step_the_presenter_sets()
    {
        var classroom = await ClassroomClient.StartAsync(_http);
        await using var presenter = await ConnectAsync();
        await presenter.Connection.InvokeAsync("SetStep", classroom.PresenterToken, 3);
        await using var follower = await ConnectAsync();

        await follower.Connection.InvokeAsync<JsonElement>("Join", classroom.Code.ToLowerInvariant());
        Assert.Equal(3, await follower.NextStepAsync());

        await presenter.Connection.InvokeAsync("SetStep", classroom.PresenterToken, 4);
        var step = await follower.NextAsync(ClassroomEvents.Step);
        Assert.Equal(4, step.GetProperty("step").GetInt32());
        Assert.Equal(classroom.Code, step.GetProperty("code").GetString());
        Assert.Equal(4, (await GetAsync(classroom.Code)).GetProperty("step").GetInt32());
    }

    [Fact]
    public async Task The_presenter_sees_how_many_follow_as_they_join_and_leave()
    {
        var classroom = await ClassroomClient.StartAsync(_http);
        await using var presenter = await ConnectAsync();
        await presenter.Connection.InvokeAsync<JsonElement>("Present", classroom.PresenterToken);

        var first = await ConnectAsync();
        await first.Connection.InvokeAsync<JsonElement>("Join", classroom.Code);
        Assert.Equal(1, (await presenter.NextAsync(ClassroomEvents.Followers)).GetProperty("followers").GetInt32());
        await using var second = await ConnectAsync();
        await second.Connection.InvokeAsync<JsonElement>("Join", classroom.Code);
        Assert.Equal(2, (await presenter.NextAsync(ClassroomEvents.Followers)).GetProperty("followers").GetInt32());

        await first.DisposeAsync();

        Assert.Equal(1, (await presenter.NextAsync(ClassroomEvents.Followers)).GetProperty("followers").GetInt32());
        Assert.Equal(1, (await GetAsync(classroom.Code)).GetProperty("followers").GetInt32());
    }

    [Fact]
    public async Task A_wrong_presenter_token_an_unknown_code_and_a_follower_setting_the_step_are_refused_and_the_class_goes_on()
    {
        var classroom = await ClassroomClient.StartAsync(_http);
        await using var follower = await ConnectAsync();
        await follower.Connection.InvokeAsync<JsonElement>("Join", classroom.Code);
        Assert.Equal(0, await follower.NextStepAsync());

        var wrongToken = await Assert.ThrowsAsync<HubException>(() => follower.Connection.InvokeAsync("SetStep", OneArmDesigner.Web.Designs.ShareToken.Create(), 5));
        var codeAsToken = await Assert.ThrowsAsync<HubException>(() => follower.Connection.InvokeAsync("SetStep", classroom.Code, 5));
        var unknownCode = await Assert.ThrowsAsync<HubException>(() => follower.Connection.InvokeAsync<JsonElement>("Join", "ZZZZZZ"));
        var outOfRange = await Assert.ThrowsAsync<HubException>(() => follower.Connection.InvokeAsync("SetStep", classroom.PresenterToken, 999));

        Assert.Contains("not the presenter link", wrongToken.Message, StringComparison.Ordinal);
        Assert.Contains("not the presenter link", codeAsToken.Message, StringComparison.Ordinal);
        Assert.Contains("No live classroom has this code", unknownCode.Message, StringComparison.Ordinal);
        Assert.Contains("step: 999 is outside", outOfRange.Message, StringComparison.Ordinal);
        Assert.Equal(HubConnectionState.Connected, follower.Connection.State);
        await using var presenter = await ConnectAsync();
        await presenter.Connection.InvokeAsync("SetStep", classroom.PresenterToken, 2);
        Assert.Equal(2, await follower.NextStepAsync());
    }

    [Fact]
    public async Task A_flood_of_joins_from_one_connection_is_refused_with_the_limit_named_while_others_still_follow()
    {
        var classroom = await ClassroomClient.StartAsync(_http);
        await using var follower = await ConnectAsync();
        await follower.Connection.InvokeAsync<JsonElement>("Join", classroom.Code);
        await using var flooder = await ConnectAsync();

        HubException? refused = null;
        for (var i = 0; i < 10 && refused is null; i++)
        {
            try
            {
                await flooder.Connection.InvokeAsync<JsonElement>("Join", classroom.Code);
            }
            catch (HubException ex)
            {
                refused = ex;
            }
        }

        Assert.NotNull(refused);
        Assert.Contains("JoinsPerConnectionPerMinute", refused.Message, StringComparison.Ordinal);
        await using var presenter = await ConnectAsync();
        await presenter.Connection.InvokeAsync("SetStep", classroom.PresenterToken, 6);
        Assert.Equal(0, await follower.NextStepAsync());
        Assert.Equal(6, await follower.NextStepAsync());
    }

    [Fact]
    public async Task The_class_answers_a_question_the_presenter_sees_counted_and_the_reveal_moves_everyone_to_the_answer()
    {
        var classroom = await ClassroomClient.StartAsync(_http);
        await using var presenter = await ConnectAsync();
        await presenter.Connection.InvokeAsync<JsonElement>("Present", classroom.PresenterToken);
        await using var alice = await ConnectAsync();
        await using var bob = await ConnectAsync();
        await alice.Connection.InvokeAsync<JsonElement>("Join", classroom.Code);
        await bob.Connection.InvokeAsync<JsonElement>("Join", classroom.Code);

        await presenter.Connection.InvokeAsync("Ask", classroom.PresenterToken, "next-device");
        var question = await alice.NextAsync(ClassroomEvents.Question);
        var choices = question.GetProperty("choices").EnumerateArray().Select(c => c.GetString()!).ToList();
        Assert.Contains("Which device does it reach next?", question.GetProperty("prompt").GetString(), StringComparison.Ordinal);
        Assert.False(question.TryGetProperty("answer", out _));
        await alice.Connection.InvokeAsync("Answer", classroom.Code, choices[0]);
        await bob.Connection.InvokeAsync("Answer", classroom.Code, choices[0]);
        var bad = await Assert.ThrowsAsync<HubException>(() => bob.Connection.InvokeAsync("Answer", classroom.Code, "the moon"));

        await presenter.NextAsync(ClassroomEvents.Tally);
        var tally = await presenter.NextAsync(ClassroomEvents.Tally);
        Assert.Equal(2, tally.GetProperty("counts").GetProperty(choices[0]).GetInt32());
        Assert.Contains("choice: 'the moon' is not one of", bad.Message, StringComparison.Ordinal);
        Assert.True(alice.NoneWaiting(ClassroomEvents.Tally));

        await presenter.Connection.InvokeAsync("Reveal", classroom.PresenterToken);
        var revealed = await bob.NextAsync(ClassroomEvents.Revealed);
        Assert.Contains(revealed.GetProperty("answer").GetString(), choices);
        Assert.Equal(0, await bob.NextStepAsync());
        Assert.Equal(revealed.GetProperty("step").GetInt32(), await bob.NextStepAsync());
        Assert.True(revealed.GetProperty("step").GetInt32() > 0);
    }

    [Fact]
    public async Task Ending_tells_everyone_and_the_code_then_answers_404()
    {
        var classroom = await ClassroomClient.StartAsync(_http);
        await using var follower = await ConnectAsync();
        await follower.Connection.InvokeAsync<JsonElement>("Join", classroom.Code);
        await using var presenter = await ConnectAsync();

        await presenter.Connection.InvokeAsync("End", classroom.PresenterToken);

        Assert.Equal(classroom.Code, (await follower.NextAsync(ClassroomEvents.Ended)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync(new Uri($"api/classrooms/{classroom.Code}", UriKind.Relative))).StatusCode);
        await Assert.ThrowsAsync<HubException>(() => presenter.Connection.InvokeAsync("SetStep", classroom.PresenterToken, 1));
    }
}
