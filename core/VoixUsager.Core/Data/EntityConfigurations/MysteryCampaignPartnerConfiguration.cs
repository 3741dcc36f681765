using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VoixUsager.Mystery;

namespace VoixUsager.Data.EntityConfigurations;

public sealed class MysteryCampaignPartnerConfiguration : IEntityTypeConfiguration<MysteryCampaignPartner>
{
    public void Configure(EntityTypeBuilder<MysteryCampaignPartner> builder)
    {
        builder.HasKey(p => new { p.CampaignId, p.PrefectureId });
        builder.HasOne<MysteryCampaign>().WithMany(c => c.Partners).HasForeignKey(p => p.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(p => p.Prefecture).WithMany().HasForeignKey(p => p.PrefectureId).OnDelete(DeleteBehavior.Restrict);
    }
}
