using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace OneArmDesigner.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>The connection string used when configuration names none: a file under ./data, created on first run.</summary>
    public const string DefaultConnectionString = "Data Source=data/onearm.db";

    /// <summary>
    /// Registers the DbContext on the configured provider (<see cref="DatabaseSettings"/>), each with its own
    /// migrations assembly. The provider and connection string are read when the first context is built, not now,
    /// so tests can point configuration at their own database after the host is set up. The options are built once
    /// (a singleton): built per scope, they cost every request, circuit and hub call a noticeable slice of CPU.
    /// </summary>
    public static IServiceCollection AddOneArmDesignerData(this IServiceCollection services)
    {
        services.AddDbContext<OneArmDesignerDbContext>(
            (provider, options) => Configure(options, provider.GetRequiredService<IConfiguration>()),
            contextLifetime: ServiceLifetime.Scoped,
            optionsLifetime: ServiceLifetime.Singleton);
        return services;
    }

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, IConfiguration configuration)
    {
        var provider = DatabaseSettings.Provider(configuration);
        var connectionString = DatabaseSettings.ConnectionString(configuration, provider);
        var migrations = DatabaseSettings.MigrationsAssembly(provider);
        return provider == DatabaseProvider.Postgres
            ? options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(migrations))
            : options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(migrations));
    }

    /// <summary>Creates the folder that holds the SQLite file, if the connection string names one that does not exist yet.</summary>
    public static void EnsureDatabaseFolder(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder) && dataSource != ":memory:")
        {
            Directory.CreateDirectory(folder);
        }
    }
}
