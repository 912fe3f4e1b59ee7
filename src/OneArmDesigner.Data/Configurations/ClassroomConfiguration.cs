using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneArmDesigner.Data.Entities;

namespace OneArmDesigner.Data.Configurations;

internal sealed class ClassroomConfiguration : IEntityTypeConfiguration<ClassroomEntity>
{
    public void Configure(EntityTypeBuilder<ClassroomEntity> classroom)
    {
        classroom.ToTable("Classrooms");
        classroom.HasKey(c => c.Code);
        classroom.Property(c => c.Code).HasMaxLength(6);
        classroom.Property(c => c.PresenterTokenHash).HasMaxLength(64);
        classroom.HasIndex(c => c.PresenterTokenHash).IsUnique();
        classroom.Property(c => c.Title).HasMaxLength(200);
        classroom.Property(c => c.FlowFrom).HasMaxLength(200);
        classroom.Property(c => c.FlowTo).HasMaxLength(200);
        classroom.Property(c => c.FlowProtocol).HasMaxLength(8);
        classroom.Property(c => c.QuestionKind).HasMaxLength(32);
        classroom.HasIndex(c => c.LastActivityAt);
        classroom.HasMany<ClassroomFollowerEntity>().WithOne().HasForeignKey(f => f.Code).OnDelete(DeleteBehavior.Cascade);
        classroom.HasMany<ClassroomAnswerEntity>().WithOne().HasForeignKey(a => a.Code).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ClassroomFollowerConfiguration : IEntityTypeConfiguration<ClassroomFollowerEntity>
{
    public void Configure(EntityTypeBuilder<ClassroomFollowerEntity> follower)
    {
        follower.ToTable("ClassroomFollowers");
        follower.HasKey(f => f.ConnectionId);
        follower.Property(f => f.ConnectionId).HasMaxLength(64);
        follower.Property(f => f.Code).HasMaxLength(6);
        follower.HasIndex(f => f.Code);
    }
}

internal sealed class ClassroomAnswerConfiguration : IEntityTypeConfiguration<ClassroomAnswerEntity>
{
    public void Configure(EntityTypeBuilder<ClassroomAnswerEntity> answer)
    {
        answer.ToTable("ClassroomAnswers");
        answer.HasKey(a => a.Id);
        answer.Property(a => a.Code).HasMaxLength(6);
        answer.Property(a => a.ConnectionId).HasMaxLength(64);
        answer.Property(a => a.Choice).HasMaxLength(200);
        answer.HasIndex(a => new { a.Code, a.QuestionNumber, a.ConnectionId }).IsUnique();
    }
}
