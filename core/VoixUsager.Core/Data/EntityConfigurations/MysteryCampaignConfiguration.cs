using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VoixUsager.Mystery;

namespace VoixUsager.Data.EntityConfigurations;

public sealed class MysteryCampaignConfiguration : IEntityTypeConfiguration<MysteryCampaign>
{
    public const int NameMaxLength = 150;

    public void Configure(EntityTypeBuilder<MysteryCampaign> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(NameMaxLength);
        builder.HasOne(c => c.EvaluatedPrefecture).WithMany().HasForeignKey(c => c.EvaluatedPrefectureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.CallGridVersion).WithMany().HasForeignKey(c => c.CallGridVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.EmailGridVersion).WithMany().HasForeignKey(c => c.EmailGridVersionId).OnDelete(DeleteBehavior.Restrict);
    }
}
