using System.Net;
using OneArmDesigner.Testing;
using OneArmDesigner.Web.Tests.Api;

namespace OneArmDesigner.Web.Tests.Designs;

/// <summary>Saves that race each other: one wins, every other one is told so, whatever the database met first.</summary>
public sealed class ConcurrentSaveTests : IClassFixture<RunningAppFixture>
{
    private readonly RunningApp _app;

    public ConcurrentSaveTests(RunningAppFixture app) => _app = app.App;

    [Fact]
    public async Task Saves_racing_on_the_same_If_Match_give_one_200_and_409_problems_naming_the_current_version_never_a_500()
    {
        using var http = _app.CreateHttpClient();
        var api = new DesignsApiClient(http);

        for (var round = 0; round < 25; round++)
        {
            var created = await api.CreateAsync($"Race {round}");

            // Manual saves add a revision each, so the losers also collide on the revision number, not only the version.
            var saves = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
                api.PutAsync(created.EditToken, DesignsApiClient.Document($"Tab {i}"), baseVersion: 1)));

            var statuses = saves.Select(s => s.StatusCode).ToList();
            Assert.True(statuses.Count(s => s == HttpStatusCode.OK) == 1, $"round {round}: {string.Join(", ", statuses.Select(s => (int)s))}");
            foreach (var lost in saves.Where(s => s.StatusCode != HttpStatusCode.OK))
            {
                var problem = await ProblemResponse.ReadAsync(lost);
                Assert.Equal(HttpStatusCode.Conflict, problem.Status);
                Assert.Equal(2, problem.Body.GetProperty("currentVersion").GetInt32());
                Assert.Equal("\"2\"", problem.Body.GetProperty("currentETag").GetString());
                Assert.Contains("it is now at version 2", problem.Detail, StringComparison.Ordinal);
            }
        }
    }
}
