using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VoixUsager.Clu;
using VoixUsager.Mystery;
using VoixUsager.Prefectures;
using VoixUsager.Results;
using VoixUsager.Surveys;

namespace VoixUsager.Data.EntityConfigurations;

public sealed class CluMeetingConfiguration : IEntityTypeConfiguration<CluMeeting>
{
    public const int PlaceMaxLength = 300;

    public const int VideoLinkMaxLength = 500;

    public void Configure(EntityTypeBuilder<CluMeeting> builder)
    {
        builder.Property(c => c.Place).HasMaxLength(PlaceMaxLength);
        builder.Property(c => c.VideoLink).HasMaxLength(VideoLinkMaxLength);
        builder.Property(c => c.DurationMinutes).HasDefaultValue(120);
        builder.HasIndex(c => new { c.PrefectureId, c.MeetingOn });
        builder.HasOne<Prefecture>().WithMany().HasForeignKey(c => c.PrefectureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SurveyCampaign>().WithMany().HasForeignKey(c => c.SurveyCampaignId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<MysteryCampaign>().WithMany().HasForeignKey(c => c.MysteryCampaignId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ResultsSnapshot>().WithMany().HasForeignKey(c => c.SnapshotId).OnDelete(DeleteBehavior.Restrict);
    }
}
