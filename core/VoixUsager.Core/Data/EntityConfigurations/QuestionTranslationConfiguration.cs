using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VoixUsager.Questionnaires;

namespace VoixUsager.Data.EntityConfigurations;

public sealed class QuestionTranslationConfiguration : IEntityTypeConfiguration<QuestionTranslation>
{
    public const int LanguageMaxLength = QuestionnaireLanguages.TagMaxLength;

    public const int TextMaxLength = QuestionConfiguration.TextMaxLength;

    public const int HelpTextMaxLength = QuestionConfiguration.HelpTextMaxLength;

    public void Configure(EntityTypeBuilder<QuestionTranslation> builder)
    {
        builder.Property(t => t.Language).HasMaxLength(QuestionnaireLanguages.TagMaxLength);
        builder.Property(t => t.Text).HasMaxLength(QuestionConfiguration.TextMaxLength);
        builder.Property(t => t.HelpText).HasMaxLength(QuestionConfiguration.HelpTextMaxLength);
        builder.HasIndex(t => new { t.QuestionId, t.Language }).IsUnique();
        builder.HasOne(t => t.Question).WithMany(q => q.Translations).HasForeignKey(t => t.QuestionId).OnDelete(DeleteBehavior.Restrict);
    }
}
