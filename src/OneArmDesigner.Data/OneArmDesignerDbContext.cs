using Microsoft.EntityFrameworkCore;
using OneArmDesigner.Data.Entities;

namespace OneArmDesigner.Data;

public sealed class OneArmDesignerDbContext(DbContextOptions<OneArmDesignerDbContext> options) : DbContext(options)
{
    public DbSet<DesignEntity> Designs => Set<DesignEntity>();

    public DbSet<DesignRevisionEntity> DesignRevisions => Set<DesignRevisionEntity>();

    public DbSet<ValidationResultEntity> ValidationResults => Set<ValidationResultEntity>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(OneArmDesignerDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset natively; store UTC ticks so sorting by time works in SQL.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
    }
}
