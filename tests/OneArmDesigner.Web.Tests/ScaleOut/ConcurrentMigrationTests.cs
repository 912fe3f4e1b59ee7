using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using OneArmDesigner.Data;
using OneArmDesigner.Testing;

namespace OneArmDesigner.Web.Tests.ScaleOut;

/// <summary>
/// Instances of a fresh deployment start together and each brings the one PostgreSQL database up to date: every one
/// of them must start, and the schema must be applied exactly once.
/// </summary>
public sealed class ConcurrentMigrationTests
{
    private const int Instances = 6;

    [SkippableFact]
    public async Task Instances_migrating_one_empty_database_at_once_all_succeed_and_apply_every_migration_once()
    {
        using var database = new PostgresDatabase();

        await MigrateTogetherAsync(database);

        await AssertUpToDateAsync(database);
    }

    [SkippableFact]
    public async Task Instances_started_before_their_database_exists_create_it_once_and_all_succeed()
    {
        using var database = new PostgresDatabase(create: false);

        await MigrateTogetherAsync(database);

        await AssertUpToDateAsync(database);
    }

    private static async Task MigrateTogetherAsync(PostgresDatabase database)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var instances = Enumerable.Range(0, Instances).Select(async _ =>
        {
            await start.Task;
            await using var db = Context(database);
            await DatabaseMigration.MigrateAsync(db, DatabaseProvider.Postgres);
        }).ToList();

        start.SetResult();
        await Task.WhenAll(instances);
    }

    private static async Task AssertUpToDateAsync(PostgresDatabase database)
    {
        await using var db = Context(database);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
    }

    private static OneArmDesignerDbContext Context(PostgresDatabase database)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(database.Settings).Build();
        var options = DataServiceCollectionExtensions.Configure(new DbContextOptionsBuilder<OneArmDesignerDbContext>(), configuration);
        return new OneArmDesignerDbContext((DbContextOptions<OneArmDesignerDbContext>)options.Options);
    }
}
