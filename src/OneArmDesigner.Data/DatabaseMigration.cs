using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace OneArmDesigner.Data;

/// <summary>
/// Brings a database up to the latest migration, safely when several app instances start on one database at once.
/// </summary>
public static class DatabaseMigration
{
    /// <summary>
    /// The PostgreSQL advisory lock every instance takes before migrating. Any fixed number works, as long as all
    /// instances agree on it and nothing else in the database uses it.
    /// </summary>
    private const long PostgresLockKey = 0x4F6E6541726D; // "OneArm"

    /// <summary>
    /// Applies pending migrations. On PostgreSQL the whole run holds one session-wide advisory lock: the provider's
    /// own lock is taken per migration, inside each migration's transaction, and the history is read only once
    /// before the first, so a second instance that waited on that lock between two migrations went on to apply one
    /// the first instance had just applied ("column already exists") and failed to start. Under this lock the
    /// waiting instance reads the history only after the other has finished, and finds nothing left to do.
    /// </summary>
    public static async Task MigrateAsync(OneArmDesignerDbContext db, DatabaseProvider provider, CancellationToken cancellationToken = default)
    {
        if (provider != DatabaseProvider.Postgres)
        {
            await db.Database.MigrateAsync(cancellationToken);
            return;
        }

        await EnsurePostgresDatabaseAsync(db, cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({PostgresLockKey})", cancellationToken);
            try
            {
                await db.Database.MigrateAsync(cancellationToken);
            }
            finally
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({PostgresLockKey})", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Creates the database when the server does not have it yet (the lock lives in it, so it must exist first);
    /// another instance creating it at the same moment is as good.
    /// </summary>
    private static async Task EnsurePostgresDatabaseAsync(OneArmDesignerDbContext db, CancellationToken cancellationToken)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(cancellationToken))
        {
            return;
        }

        try
        {
            await creator.CreateAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
        }
    }
}
