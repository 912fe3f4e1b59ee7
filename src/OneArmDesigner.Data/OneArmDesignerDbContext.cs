using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using OneArmDesigner.Data.Entities;

namespace OneArmDesigner.Data;

public sealed class OneArmDesignerDbContext(DbContextOptions<OneArmDesignerDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<DesignEntity> Designs => Set<DesignEntity>();

    public DbSet<DesignRevisionEntity> DesignRevisions => Set<DesignRevisionEntity>();

    public DbSet<ValidationResultEntity> ValidationResults => Set<ValidationResultEntity>();

    public DbSet<ClassroomEntity> Classrooms => Set<ClassroomEntity>();

    public DbSet<ClassroomFollowerEntity> ClassroomFollowers => Set<ClassroomFollowerEntity>();

    public DbSet<ClassroomAnswerEntity> ClassroomAnswers => Set<ClassroomAnswerEntity>();

    /// <summary>
    /// ASP.NET Core's data-protection keys (circuits, antiforgery), kept in the database so every instance of a
    /// scaled-out deployment, and a restarted container, can read what another protected.
    /// </summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>
    /// A text's size in bytes as the database stores it (UTF-8), for queries that limit storage by what it costs
    /// rather than by characters. SQLite (3.43 and later) and PostgreSQL both name it octet_length.
    /// </summary>
    [DbFunction("octet_length", IsBuiltIn = true)]
    public static long OctetLength(string text) => throw new NotSupportedException("OctetLength is translated to SQL; it cannot run in memory.");

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(OneArmDesignerDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset natively; store UTC ticks so sorting by time works in SQL.
        // PostgreSQL keeps the same representation, so both providers share one model and the same queries.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
    }
}
