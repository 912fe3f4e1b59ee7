using Microsoft.Extensions.Configuration;

namespace OneArmDesigner.Data;

/// <summary>Which database the app keeps its designs and classrooms in: SQLite (embedded, the default) or PostgreSQL.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public static class DatabaseSettings
{
    /// <summary>The configuration key naming the provider: <c>Database:Provider</c> (<c>Database__Provider</c> in the environment).</summary>
    public const string ProviderKey = "Database:Provider";

    /// <summary>The assembly holding each provider's migrations.</summary>
    public static string MigrationsAssembly(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Postgres => "OneArmDesigner.Migrations.Postgres",
        _ => "OneArmDesigner.Migrations",
    };

    /// <summary>
    /// The configured provider. Read before the connection string is parsed: SQLite's parser rejects PostgreSQL's
    /// keywords (Host=...) and the other way round. An unknown name stops the app with a message naming the setting.
    /// </summary>
    public static DatabaseProvider Provider(IConfiguration configuration)
    {
        var name = configuration[ProviderKey];
        if (string.IsNullOrWhiteSpace(name) || name.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            return DatabaseProvider.Sqlite;
        }

        if (name.Equals("Postgres", StringComparison.OrdinalIgnoreCase) || name.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase))
        {
            return DatabaseProvider.Postgres;
        }

        throw new InvalidOperationException($"{ProviderKey}: '{name}' is not a database provider; use Sqlite (the default) or Postgres.");
    }

    /// <summary>The connection string; only SQLite has a default, PostgreSQL must be told where its server is.</summary>
    public static string ConnectionString(IConfiguration configuration, DatabaseProvider provider) =>
        configuration.GetConnectionString("Default") is { Length: > 0 } configured ? configured
        : provider == DatabaseProvider.Sqlite ? DataServiceCollectionExtensions.DefaultConnectionString
        : throw new InvalidOperationException("ConnectionStrings:Default: is missing; Database:Provider=Postgres needs a connection string such as Host=...;Port=5432;Username=...;Password=...;Database=....");
}
