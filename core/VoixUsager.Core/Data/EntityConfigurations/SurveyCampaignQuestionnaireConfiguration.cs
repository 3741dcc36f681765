using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VoixUsager.Prefectures;
using VoixUsager.Questionnaires;

namespace VoixUsager.Data.EntityConfigurations;

public sealed class SurveyCampaignQuestionnaireConfiguration : IEntityTypeConfiguration<SurveyCampaignQuestionnaire>
{
    public const int ChannelMaxLength = SurveyResponseConfiguration.ChannelMaxLength;

    public void Configure(EntityTypeBuilder<SurveyCampaignQuestionnaire> builder)
    {
        builder.Property(a => a.Channel).HasConversion<string>().HasMaxLength(ChannelMaxLength);
        // Not a unique index: SQL Server lets a unique index hold one null only per key, and "every
        // channel" is the null. The service that assigns keeps one row per site and channel.
        builder.HasIndex(a => new { a.CampaignId, a.SiteId });
        builder.HasOne(a => a.Campaign).WithMany(c => c.SiteQuestionnaires).HasForeignKey(a => a.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Site>().WithMany().HasForeignKey(a => a.SiteId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.QuestionnaireVersion).WithMany().HasForeignKey(a => a.QuestionnaireVersionId).OnDelete(DeleteBehavior.Restrict);
    }
}
