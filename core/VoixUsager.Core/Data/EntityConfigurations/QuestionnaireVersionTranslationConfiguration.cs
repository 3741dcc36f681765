using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VoixUsager.Questionnaires;

namespace VoixUsager.Data.EntityConfigurations;

public sealed class QuestionnaireVersionTranslationConfiguration : IEntityTypeConfiguration<QuestionnaireVersionTranslation>
{
    public const int LanguageMaxLength = QuestionnaireLanguages.TagMaxLength;

    public const int TitleMaxLength = QuestionnaireVersionConfiguration.TitleMaxLength;

    public void Configure(EntityTypeBuilder<QuestionnaireVersionTranslation> builder)
    {
        builder.Property(t => t.Language).HasMaxLength(QuestionnaireLanguages.TagMaxLength);
        builder.Property(t => t.Title).HasMaxLength(QuestionnaireVersionConfiguration.TitleMaxLength);
        builder.HasIndex(t => new { t.QuestionnaireVersionId, t.Language }).IsUnique();
        builder.HasOne(t => t.QuestionnaireVersion).WithMany(v => v.Translations).HasForeignKey(t => t.QuestionnaireVersionId).OnDelete(DeleteBehavior.Restrict);
    }
}
