using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VoixUsager.Prefectures;
using VoixUsager.Results;

namespace VoixUsager.Data.EntityConfigurations;

public sealed class SiteMonthlyVisitorsConfiguration : IEntityTypeConfiguration<SiteMonthlyVisitors>
{
    public void Configure(EntityTypeBuilder<SiteMonthlyVisitors> builder)
    {
        builder.HasIndex(v => new { v.SiteId, v.Month }).IsUnique();
        builder.HasOne<Site>().WithMany().HasForeignKey(v => v.SiteId).OnDelete(DeleteBehavior.Cascade);
    }
}
