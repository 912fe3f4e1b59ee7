using System.Net;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OneArmDesigner.Testing;

namespace OneArmDesigner.Web.Tests.Classroom;

public sealed class ClassroomExpiryTests
{
    [Fact]
    public async Task A_classroom_the_presenter_leaves_idle_past_the_limit_expires_and_a_step_keeps_it_alive()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var app = new RunningApp(
            settings: new Dictionary<string, string?> { ["Classroom:IdleHours"] = "2" },
            services: s => s.AddSingleton<TimeProvider>(clock));
        using var http = app.CreateHttpClient();
        var kept = await ClassroomClient.StartAsync(http);
        var idle = await ClassroomClient.StartAsync(http);
        await using var presenter = await ClassroomClient.ConnectAsync(app.BaseUrl);

        clock.Advance(TimeSpan.FromMinutes(90));
        await presenter.Connection.InvokeAsync("SetStep", kept.PresenterToken, 1);
        clock.Advance(TimeSpan.FromMinutes(45));

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri($"api/classrooms/{kept.Code}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri($"api/classrooms/{idle.Code}", UriKind.Relative))).StatusCode);
    }
}
