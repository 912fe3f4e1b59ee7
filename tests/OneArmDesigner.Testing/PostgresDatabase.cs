using Npgsql;

namespace OneArmDesigner.Testing;

/// <summary>A fresh, empty PostgreSQL database on the test server (<see cref="TestServices"/>), dropped on disposal.</summary>
public sealed class PostgresDatabase : IDisposable
{
    private readonly string _name;

    public PostgresDatabase()
    {
        TestServices.Require();
        _name = "onearm_test_" + Guid.NewGuid().ToString("N")[..16];
        Execute($"CREATE DATABASE {_name}");
        ConnectionString = new NpgsqlConnectionStringBuilder(TestServices.Postgres) { Database = _name }.ConnectionString;
    }

    public string ConnectionString { get; }

    /// <summary>The settings that point an app at this database.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Database:Provider"] = "Postgres",
        ["ConnectionStrings:Default"] = ConnectionString,
    };

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        Execute($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");
    }

    private static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(TestServices.Postgres);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
