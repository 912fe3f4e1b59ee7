using Microsoft.EntityFrameworkCore;
using OneArmDesigner.Data;

namespace OneArmDesigner.Web.Hosting;

internal static class DatabaseStartup
{
    /// <summary>
    /// Applies pending migrations of the configured provider (<see cref="DatabaseMigration"/>). On SQLite it first
    /// creates the database folder and then turns on the write-ahead log; PostgreSQL needs neither.
    /// </summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        var provider = DatabaseSettings.Provider(app.Configuration);
        if (provider == DatabaseProvider.Sqlite)
        {
            DataServiceCollectionExtensions.EnsureDatabaseFolder(DatabaseSettings.ConnectionString(app.Configuration, provider));
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneArmDesignerDbContext>();
        await DatabaseMigration.MigrateAsync(db, provider);

        if (provider == DatabaseProvider.Sqlite)
        {
            // WAL lets readers (view links, the designs list) proceed while an autosave writes.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }

        app.Logger.LogInformation("Database ready: {Provider} at {DataSource}", provider, db.Database.GetDbConnection().DataSource);
    }
}
