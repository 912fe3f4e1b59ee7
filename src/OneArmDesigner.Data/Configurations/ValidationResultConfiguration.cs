using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneArmDesigner.Data.Entities;

namespace OneArmDesigner.Data.Configurations;

internal sealed class ValidationResultConfiguration : IEntityTypeConfiguration<ValidationResultEntity>
{
    public void Configure(EntityTypeBuilder<ValidationResultEntity> result)
    {
        result.ToTable("ValidationResults");
        result.HasKey(v => v.Id);
        result.HasIndex(v => v.RevisionId).IsUnique();
    }
}
