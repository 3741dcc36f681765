using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VoixUsager.Accounts;
using VoixUsager.Mystery;

namespace VoixUsager.Data.EntityConfigurations;

public sealed class MysteryRecordConfiguration : IEntityTypeConfiguration<MysteryRecord>
{
    public const int KindMaxLength = 20;

    /// <summary>A foreign key to an account: the same length as its id.</summary>
    public const int AuthorIdMaxLength = AppUserConfiguration.IdMaxLength;

    public const int StatusMaxLength = 20;

    public const int CommentMaxLength = 4000;

    public void Configure(EntityTypeBuilder<MysteryRecord> builder)
    {
        builder.ToTable("MysteryRecords");
        builder.HasDiscriminator<string>("Kind").HasValue<MysteryCallRecord>("Appel").HasValue<MysteryEmailRecord>("Courriel");
        builder.Property<string>("Kind").HasMaxLength(KindMaxLength);
        builder.Property(r => r.AuthorId).HasMaxLength(AuthorIdMaxLength);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(StatusMaxLength);
        builder.Property(r => r.Comment).HasMaxLength(CommentMaxLength);
        // One record per scenario: a call is made once, and corrected rather than made again.
        builder.HasIndex(r => r.ScenarioId).IsUnique();
        builder.HasIndex(r => new { r.CampaignId, r.Status });
        builder.HasOne(r => r.Scenario).WithMany().HasForeignKey(r => r.ScenarioId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<MysteryCampaign>().WithMany().HasForeignKey(r => r.CampaignId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<GridVersion>().WithMany().HasForeignKey(r => r.GridVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.AuthorId).OnDelete(DeleteBehavior.Restrict);
    }
}
