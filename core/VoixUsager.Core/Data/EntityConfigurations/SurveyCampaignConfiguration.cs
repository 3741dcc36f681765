using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VoixUsager.Surveys;

namespace VoixUsager.Data.EntityConfigurations;

public sealed class SurveyCampaignConfiguration : IEntityTypeConfiguration<SurveyCampaign>
{
    public const int NameMaxLength = 150;

    public void Configure(EntityTypeBuilder<SurveyCampaign> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(NameMaxLength);
        builder.HasIndex(c => new { c.PrefectureId, c.StartsOn });
        builder.HasOne(c => c.Prefecture).WithMany().HasForeignKey(c => c.PrefectureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.QuestionnaireVersion).WithMany().HasForeignKey(c => c.QuestionnaireVersionId).OnDelete(DeleteBehavior.Restrict);
    }
}
