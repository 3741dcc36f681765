using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VoixUsager.Questionnaires;

namespace VoixUsager.Data.EntityConfigurations;

public sealed class QuestionOptionConfiguration : IEntityTypeConfiguration<QuestionOption>
{
    public const int CodeMaxLength = 60;

    public const int LabelMaxLength = 200;

    public void Configure(EntityTypeBuilder<QuestionOption> builder)
    {
        builder.Property(o => o.Code).HasMaxLength(CodeMaxLength);
        builder.Property(o => o.Label).HasMaxLength(LabelMaxLength);
        builder.HasIndex(o => new { o.QuestionId, o.Code }).IsUnique();
        builder.HasOne(o => o.Question).WithMany(q => q.Options).HasForeignKey(o => o.QuestionId).OnDelete(DeleteBehavior.Restrict);
    }
}
