using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VoixUsager.Prefectures;

namespace VoixUsager.Data.EntityConfigurations;

public sealed class SiteFormerCodeConfiguration : IEntityTypeConfiguration<SiteFormerCode>
{
    public const int CodeMaxLength = SiteConfiguration.PublicCodeMaxLength;

    public void Configure(EntityTypeBuilder<SiteFormerCode> builder)
    {
        builder.Property(c => c.Code).HasMaxLength(CodeMaxLength);
        builder.HasIndex(c => c.Code).IsUnique();
        builder.HasOne(c => c.Site).WithMany(s => s.FormerCodes).HasForeignKey(c => c.SiteId).OnDelete(DeleteBehavior.Cascade);
    }
}
