namespace OneArmDesigner.Testing;

/// <summary>
/// An xUnit class fixture: one running app shared by the tests of a class, on SQLite or on a fresh PostgreSQL
/// database. The app starts on first use, inside a test, so a machine without PostgreSQL skips those tests
/// (<see cref="TestServices.Require"/>) instead of failing the whole class in its fixture.
/// </summary>
public abstract class DatabaseAppFixture : IDisposable
{
    private readonly Lazy<RunningApp> _app;
    private PostgresDatabase? _database;

    protected DatabaseAppFixture(bool postgres) =>
        _app = new Lazy<RunningApp>(() =>
        {
            if (!postgres)
            {
                return new RunningApp();
            }

            _database = new PostgresDatabase();
            return new RunningApp(settings: _database.Settings);
        });

    public RunningApp App => _app.Value;

    public void Dispose()
    {
        if (_app.IsValueCreated)
        {
            _app.Value.Dispose();
        }

        _database?.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The app on its own SQLite file.</summary>
public sealed class SqliteAppFixture() : DatabaseAppFixture(postgres: false);

/// <summary>The app on a fresh PostgreSQL database of the test server.</summary>
public sealed class PostgresAppFixture() : DatabaseAppFixture(postgres: true);
