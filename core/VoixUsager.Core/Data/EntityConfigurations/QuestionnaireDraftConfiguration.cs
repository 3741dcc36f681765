using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VoixUsager.Prefectures;
using VoixUsager.Questionnaires;

namespace VoixUsager.Data.EntityConfigurations;

public sealed class QuestionnaireDraftConfiguration : IEntityTypeConfiguration<QuestionnaireDraft>
{
    public const int KeyMaxLength = QuestionnaireVersionConfiguration.KeyMaxLength;

    public const int TitleMaxLength = QuestionnaireVersionConfiguration.TitleMaxLength;

    public void Configure(EntityTypeBuilder<QuestionnaireDraft> builder)
    {
        builder.Property(d => d.Key).HasMaxLength(QuestionnaireVersionConfiguration.KeyMaxLength);
        builder.Property(d => d.Title).HasMaxLength(QuestionnaireVersionConfiguration.TitleMaxLength);
        builder.Property(d => d.ContentJson).IsRequired();
        builder.Property(d => d.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasIndex(d => d.Key).IsUnique();
        builder.HasOne<Prefecture>().WithMany().HasForeignKey(d => d.PrefectureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<QuestionnaireVersion>().WithMany().HasForeignKey(d => d.BasedOnVersionId).OnDelete(DeleteBehavior.Restrict);
    }
}
