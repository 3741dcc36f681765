using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VoixUsager.Prefectures;

namespace VoixUsager.Data.EntityConfigurations;

public sealed class SiteConfiguration : IEntityTypeConfiguration<Site>
{
    public const int PublicCodeMaxLength = 60;

    public const int NameMaxLength = 150;

    public const int KindMaxLength = 30;

    public const int RetirementMessageMaxLength = 1000;

    public void Configure(EntityTypeBuilder<Site> builder)
    {
        builder.Property(s => s.PublicCode).HasMaxLength(PublicCodeMaxLength);
        builder.HasIndex(s => s.PublicCode).IsUnique();
        builder.Property(s => s.Name).HasMaxLength(NameMaxLength);
        builder.Property(s => s.RetirementMessage).HasMaxLength(RetirementMessageMaxLength);
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(KindMaxLength);
        builder.HasOne(s => s.Prefecture).WithMany(p => p.Sites).HasForeignKey(s => s.PrefectureId).OnDelete(DeleteBehavior.Restrict);
    }
}
