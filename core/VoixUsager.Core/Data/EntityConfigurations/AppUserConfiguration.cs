using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VoixUsager.Accounts;
using VoixUsager.Prefectures;

namespace VoixUsager.Data.EntityConfigurations;

public sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public const int DisplayNameMaxLength = 200;

    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(DisplayNameMaxLength);
        builder.HasOne<Prefecture>().WithMany().HasForeignKey(u => u.PrefectureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Register.OwnerService>().WithMany().HasForeignKey(u => u.OwnerServiceId).OnDelete(DeleteBehavior.Restrict);
    }
}
