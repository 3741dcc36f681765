using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VoixUsager.Questionnaires;

namespace VoixUsager.Data.EntityConfigurations;

public sealed class QuestionOptionTranslationConfiguration : IEntityTypeConfiguration<QuestionOptionTranslation>
{
    public const int LanguageMaxLength = QuestionnaireLanguages.TagMaxLength;

    public const int LabelMaxLength = QuestionOptionConfiguration.LabelMaxLength;

    public void Configure(EntityTypeBuilder<QuestionOptionTranslation> builder)
    {
        builder.Property(t => t.Language).HasMaxLength(QuestionnaireLanguages.TagMaxLength);
        builder.Property(t => t.Label).HasMaxLength(QuestionOptionConfiguration.LabelMaxLength);
        builder.HasIndex(t => new { t.OptionId, t.Language }).IsUnique();
        builder.HasOne(t => t.Option).WithMany(o => o.Translations).HasForeignKey(t => t.OptionId).OnDelete(DeleteBehavior.Restrict);
    }
}
