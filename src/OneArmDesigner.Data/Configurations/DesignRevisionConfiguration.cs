using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneArmDesigner.Data.Entities;

namespace OneArmDesigner.Data.Configurations;

internal sealed class DesignRevisionConfiguration : IEntityTypeConfiguration<DesignRevisionEntity>
{
    public void Configure(EntityTypeBuilder<DesignRevisionEntity> revision)
    {
        revision.ToTable("DesignRevisions");
        revision.HasKey(r => r.Id);
        revision.Property(r => r.Name).HasMaxLength(200);
        revision.HasIndex(r => new { r.DesignId, r.Number }).IsUnique();
        revision.Property(r => r.ContentHash).HasMaxLength(64);
        revision.HasIndex(r => r.ContentHash);
        revision.HasOne(r => r.Validation).WithOne().HasForeignKey<ValidationResultEntity>(v => v.RevisionId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
