using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Npgsql;
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
        TestServices.Require();
        using var database = new PostgresDatabase();

        await MigrateTogetherAsync(database.ConnectionString);

        await AssertUpToDateAsync(database.ConnectionString);
    }

    [SkippableFact]
    public async Task Instances_started_before_their_database_exists_create_it_once_and_all_succeed()
    {
        TestServices.Require();
        var name = "onearm_test_" + Guid.NewGuid().ToString("N")[..16];
        var connectionString = new NpgsqlConnectionStringBuilder(TestServices.Postgres) { Database = name }.ConnectionString;
        try
        {
            await MigrateTogetherAsync(connectionString);

            await AssertUpToDateAsync(connectionString);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var server = new NpgsqlConnection(TestServices.Postgres);
            await server.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", server);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private static async Task MigrateTogetherAsync(string connectionString)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var instances = Enumerable.Range(0, Instances).Select(async _ =>
        {
            await start.Task;
            await using var db = Context(connectionString);
            await DatabaseMigration.MigrateAsync(db, DatabaseProvider.Postgres);
        }).ToList();

        start.SetResult();
        await Task.WhenAll(instances);
    }

    private static async Task AssertUpToDateAsync(string connectionString)
    {
        await using var db = Context(connectionString);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
    }

    private static OneArmDesignerDbContext Context(string connectionString)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [DatabaseSettings.ProviderKey] = "Postgres",
                ["ConnectionStrings:Default"] = connectionString,
            })
            .Build();
        var options = DataServiceCollectionExtensions.Configure(new DbContextOptionsBuilder<OneArmDesignerDbContext>(), configuration);
        return new OneArmDesignerDbContext((DbContextOptions<OneArmDesignerDbContext>)options.Options);
    }
}
