using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VoixUsager.Questionnaires;

namespace VoixUsager.Data.EntityConfigurations;

public sealed class QuestionConfiguration : IEntityTypeConfiguration<Question>
{
    public const int CodeMaxLength = 60;

    public const int TextMaxLength = 500;

    public const int HelpTextMaxLength = 500;

    public const int KindMaxLength = 30;

    public void Configure(EntityTypeBuilder<Question> builder)
    {
        builder.Property(q => q.Code).HasMaxLength(CodeMaxLength);
        builder.Property(q => q.Text).HasMaxLength(TextMaxLength);
        builder.Property(q => q.HelpText).HasMaxLength(HelpTextMaxLength);
        builder.Property(q => q.Kind).HasConversion<string>().HasMaxLength(KindMaxLength);
        builder.HasIndex(q => new { q.QuestionnaireVersionId, q.Code }).IsUnique();
        builder.HasOne(q => q.QuestionnaireVersion).WithMany(v => v.Questions).HasForeignKey(q => q.QuestionnaireVersionId).OnDelete(DeleteBehavior.Restrict);
    }
}
