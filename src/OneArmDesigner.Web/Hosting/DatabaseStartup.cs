using Microsoft.EntityFrameworkCore;
using OneArmDesigner.Data;

namespace OneArmDesigner.Web.Hosting;

internal static class DatabaseStartup
{
    /// <summary>Creates the database folder, applies pending migrations and turns on SQLite's write-ahead log.</summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        var connectionString = app.Configuration.GetConnectionString("Default") ?? DataServiceCollectionExtensions.DefaultConnectionString;
        DataServiceCollectionExtensions.EnsureDatabaseFolder(connectionString);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneArmDesignerDbContext>();
        await db.Database.MigrateAsync();

        // WAL lets readers (view links, the designs list) proceed while an autosave writes.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        app.Logger.LogInformation("Database ready at {DataSource}", db.Database.GetDbConnection().DataSource);
    }
}
