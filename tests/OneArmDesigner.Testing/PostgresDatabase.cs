using Npgsql;

namespace OneArmDesigner.Testing;

/// <summary>
/// A fresh, empty PostgreSQL database on the test server (<see cref="TestServices"/>) or on another one, dropped on
/// disposal; or only a fresh name for one, for a test of what creates it.
/// </summary>
public sealed class PostgresDatabase : IDisposable
{
    private readonly string _name;
    private readonly string _server;

    /// <param name="server">A superuser connection string to the server; the shared test server by default.</param>
    /// <param name="create">False to leave the database to whatever the test starts (it is still dropped if made).</param>
    public PostgresDatabase(string? server = null, bool create = true)
    {
        if (server is null)
        {
            TestServices.Require();
        }

        _server = server ?? TestServices.Postgres!;
        _name = "onearm_test_" + Guid.NewGuid().ToString("N")[..16];
        if (create)
        {
            Execute($"CREATE DATABASE {_name}");
        }

        ConnectionString = new NpgsqlConnectionStringBuilder(_server) { Database = _name }.ConnectionString;
    }

    public string ConnectionString { get; }

    /// <summary>The settings that point an app at this database.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Database:Provider"] = "Postgres",
        ["ConnectionStrings:Default"] = ConnectionString,
    };

    /// <summary>The same settings as environment variables, for an app started as its own process (<see cref="AppProcess"/>).</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["Database__Provider"] = "Postgres",
        ["ConnectionStrings__Default"] = ConnectionString,
    };

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            Execute($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");
        }
        catch (NpgsqlException)
        {
            // The server is gone already (a private one stopped first); its folder goes with it.
        }
    }

    private void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(_server);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
