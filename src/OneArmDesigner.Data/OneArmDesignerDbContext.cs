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

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(OneArmDesignerDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset natively; store UTC ticks so sorting by time works in SQL.
        // PostgreSQL keeps the same representation, so both providers share one model and the same queries.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
    }
}
