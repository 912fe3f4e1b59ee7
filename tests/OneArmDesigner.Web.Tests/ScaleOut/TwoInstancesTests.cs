using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using OneArmDesigner.Testing;
using OneArmDesigner.Web.Classroom;
using OneArmDesigner.Web.Tests.Classroom;
using OneArmDesigner.Web.Tests.Designs;

namespace OneArmDesigner.Web.Tests.ScaleOut;

/// <summary>
/// The scaled-out deployment: two app instances, each its own process in Production, on one PostgreSQL database and
/// one Redis, as docker-compose's scale profile runs them behind the proxy. Started together, so both apply the
/// migrations at once, as instances of a fresh deployment do.
/// </summary>
public sealed class TwoInstancesTests : IClassFixture<TwoInstancesTests.Instances>
{
    public sealed class Instances : IAsyncLifetime
    {
        private PostgresDatabase? _database;

        public AppProcess? A { get; private set; }

        public AppProcess? B { get; private set; }

        /// <summary>Starts the pair on first use, inside a test, so a machine without the services skips rather than fails.</summary>
        public async Task<(AppProcess A, AppProcess B)> StartAsync()
        {
            if (A is null || B is null)
            {
                _database = new PostgresDatabase();
                var settings = new Dictionary<string, string>(_database.Environment) { ["Redis__Connection"] = TestServices.Redis! };
                var started = await Task.WhenAll(
                    AppProcess.StartAsync(RepositoryPaths.WebBuildOutput, settings: settings),
                    AppProcess.StartAsync(RepositoryPaths.WebBuildOutput, settings: settings));
                (A, B) = (started[0], started[1]);
            }

            return (A, B);
        }

        public Task InitializeAsync() => Task.CompletedTask;

        public Task DisposeAsync()
        {
            A?.Dispose();
            B?.Dispose();
            _database?.Dispose();
            return Task.CompletedTask;
        }
    }

    private readonly Instances _instances;

    public TwoInstancesTests(Instances instances) => _instances = instances;

    [SkippableFact]
    public async Task A_design_saved_through_one_instance_is_read_and_saved_again_through_the_other()
    {
        var (a, b) = await _instances.StartAsync();
        using var httpA = a.CreateHttpClient();
        using var httpB = b.CreateHttpClient();

        var created = await new DesignsApiClient(httpA).CreateAsync("Saved on A");
        var onB = new DesignsApiClient(httpB);

        Assert.Equal("Saved on A", await onB.NameOfAsync(created.ViewToken));
        Assert.Equal(HttpStatusCode.OK, (await onB.PutAsync(created.EditToken, DesignsApiClient.Document("Saved on B"), baseVersion: 1)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await new DesignsApiClient(httpA).PutAsync(created.EditToken, DesignsApiClient.Document("Stale on A"), baseVersion: 1)).StatusCode);
        Assert.Equal("Saved on B", await new DesignsApiClient(httpA).NameOfAsync(created.EditToken));
    }

    [SkippableFact]
    public async Task A_step_set_on_one_instance_reaches_a_javascript_follower_connected_to_the_other()
    {
        var (a, b) = await _instances.StartAsync();
        using var httpA = a.CreateHttpClient();
        using var httpB = b.CreateHttpClient();
        var classroom = await ClassroomClient.StartAsync(httpA);
        await using var presenter = await ClassroomClient.ConnectAsync(a.BaseUrl);
        await presenter.Connection.InvokeAsync<JsonElement>("Present", classroom.PresenterToken);

        using var follower = JavaScriptFollower.Start(b.BaseUrl, classroom.Code, untilStep: 5);
        var joined = await follower.NextAsync("joined");
        Assert.Equal(0, (await follower.NextAsync(ClassroomEvents.Step)).GetProperty("step").GetInt32());
        Assert.Equal(1, (await presenter.NextAsync(ClassroomEvents.Followers)).GetProperty("followers").GetInt32());

        await presenter.Connection.InvokeAsync("SetStep", classroom.PresenterToken, 5);

        var step = await follower.NextAsync(ClassroomEvents.Step);
        Assert.Equal(classroom.Code, joined.GetProperty("code").GetString());
        Assert.Equal(classroom.Code, step.GetProperty("code").GetString());
        Assert.Equal(5, step.GetProperty("step").GetInt32());
        Assert.Equal(0, await follower.ExitCodeAsync());
        Assert.Equal(5, (await httpB.GetFromJsonAsync<JsonElement>($"api/classrooms/{classroom.Code}")).GetProperty("step").GetInt32());
    }

    [SkippableFact]
    public async Task Both_instances_report_the_database_and_redis_healthy()
    {
        var (a, b) = await _instances.StartAsync();

        foreach (var app in new[] { a, b })
        {
            using var http = app.CreateHttpClient();
            var health = await http.GetFromJsonAsync<JsonElement>("health");
            Assert.Equal("Healthy", health.GetProperty("status").GetString());
            Assert.Equal("Healthy", health.GetProperty("checks").GetProperty("redis").GetProperty("status").GetString());
            Assert.Equal("Healthy", health.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        }
    }
}
