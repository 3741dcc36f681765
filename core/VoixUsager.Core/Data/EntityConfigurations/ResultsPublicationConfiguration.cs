using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VoixUsager.Prefectures;
using VoixUsager.Results;

namespace VoixUsager.Data.EntityConfigurations;

public sealed class ResultsPublicationConfiguration : IEntityTypeConfiguration<ResultsPublication>
{
    public const int PublishedByMaxLength = AuditEntryConfiguration.UserEmailMaxLength;

    public const int PublishedByUserIdMaxLength = AuditEntryConfiguration.UserIdMaxLength;

    public void Configure(EntityTypeBuilder<ResultsPublication> builder)
    {
        builder.Property(p => p.PublishedBy).HasMaxLength(PublishedByMaxLength);
        builder.Property(p => p.PublishedByUserId).HasMaxLength(PublishedByUserIdMaxLength);
        // One publication per semester: pressing "publier" twice, or from two tabs, publishes it once.
        builder.HasIndex(p => new { p.PrefectureId, p.Year, p.Semester }).IsUnique();
        builder.HasOne<Prefecture>().WithMany().HasForeignKey(p => p.PrefectureId).OnDelete(DeleteBehavior.Restrict);
    }
}
