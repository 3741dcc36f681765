using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VoixUsager.Prefectures;
using VoixUsager.Questionnaires;

namespace VoixUsager.Data.EntityConfigurations;

public sealed class QuestionnaireVersionConfiguration : IEntityTypeConfiguration<QuestionnaireVersion>
{
    public const int KeyMaxLength = 60;

    public const int TitleMaxLength = 200;

    public void Configure(EntityTypeBuilder<QuestionnaireVersion> builder)
    {
        builder.Property(v => v.Key).HasMaxLength(KeyMaxLength);
        builder.Property(v => v.Title).HasMaxLength(TitleMaxLength);
        builder.HasIndex(v => new { v.Key, v.VersionNumber }).IsUnique();
        builder.HasOne<Prefecture>().WithMany().HasForeignKey(v => v.PrefectureId).OnDelete(DeleteBehavior.Restrict);
    }
}
