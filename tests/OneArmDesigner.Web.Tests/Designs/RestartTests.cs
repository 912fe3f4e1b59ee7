using System.Net;
using OneArmDesigner.Testing;

namespace OneArmDesigner.Web.Tests.Designs;

public sealed class RestartTests
{
    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_restart_in_the_middle_of_autosaves_loses_nothing_that_was_acknowledged(string database)
    {
        var folder = Directory.CreateTempSubdirectory("onearm-restart-").FullName;
        using var postgres = database == "postgres" ? new PostgresDatabase() : null;
        RunningApp Start() => new(folder, postgres?.Settings);
        try
        {
            string editToken;
            var acknowledged = 0;
            using (var first = Start())
            using (var http = first.CreateHttpClient())
            {
                var api = new DesignsApiClient(http);
                var created = await api.CreateAsync("autosave 0");
                editToken = created.EditToken;
                for (var version = 1; version <= 12; version++)
                {
                    var saved = await api.PutAsync(editToken, DesignsApiClient.Document($"autosave {version}"), version, autosave: true);
                    Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
                    acknowledged = version;
                }
            }

            using var second = Start();
            using var http2 = second.CreateHttpClient();
            var reopened = new DesignsApiClient(http2);
            Assert.Equal($"autosave {acknowledged}", await reopened.NameOfAsync(editToken));
            var response = await reopened.GetAsync(editToken);
            Assert.Equal($"\"{acknowledged + 1}\"", response.Headers.ETag?.Tag);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
