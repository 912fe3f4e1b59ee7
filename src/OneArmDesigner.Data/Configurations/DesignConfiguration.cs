using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneArmDesigner.Data.Entities;

namespace OneArmDesigner.Data.Configurations;

internal sealed class DesignConfiguration : IEntityTypeConfiguration<DesignEntity>
{
    public void Configure(EntityTypeBuilder<DesignEntity> design)
    {
        design.ToTable("Designs");
        design.HasKey(d => d.Id);
        design.Property(d => d.Name).HasMaxLength(200);
        design.Property(d => d.EditTokenHash).HasMaxLength(64);
        design.Property(d => d.ViewTokenHash).HasMaxLength(64);
        design.Property(d => d.Version).IsConcurrencyToken();
        design.HasIndex(d => d.EditTokenHash).IsUnique();
        design.HasIndex(d => d.ViewTokenHash).IsUnique();
        design.HasMany(d => d.Revisions).WithOne().HasForeignKey(r => r.DesignId).OnDelete(DeleteBehavior.Cascade);
    }
}
