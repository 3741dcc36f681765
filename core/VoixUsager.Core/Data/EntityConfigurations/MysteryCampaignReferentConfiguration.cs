using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VoixUsager.Accounts;
using VoixUsager.Mystery;

namespace VoixUsager.Data.EntityConfigurations;

public sealed class MysteryCampaignReferentConfiguration : IEntityTypeConfiguration<MysteryCampaignReferent>
{
    /// <summary>A foreign key to an account: the same length as its id.</summary>
    public const int UserIdMaxLength = AppUserConfiguration.IdMaxLength;

    public void Configure(EntityTypeBuilder<MysteryCampaignReferent> builder)
    {
        builder.HasKey(r => new { r.CampaignId, r.UserId });
        builder.Property(r => r.UserId).HasMaxLength(UserIdMaxLength);
        builder.HasOne<MysteryCampaign>().WithMany(c => c.Referents).HasForeignKey(r => r.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}
