using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VoixUsager.Accounts;
using VoixUsager.Prefectures;

namespace VoixUsager.Data.EntityConfigurations;

public sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public const int DisplayNameMaxLength = 200;

    /// <summary>
    /// Account and role ids are GUID strings (36 characters). Identity leaves them at each provider's
    /// default key length, nvarchar(450) on SQL Server, which puts the primary key of the user–role table
    /// (two of them: 1,800 bytes) and of the token table (2,700 bytes) past SQL Server's 900-byte limit.
    /// Every foreign key to an account uses this length too (SQL Server wants both sides alike).
    /// </summary>
    public const int IdMaxLength = 128;

    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.Property(u => u.Id).HasMaxLength(IdMaxLength);
        builder.Property(u => u.DisplayName).HasMaxLength(DisplayNameMaxLength);
        builder.HasOne<Prefecture>().WithMany().HasForeignKey(u => u.PrefectureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Register.OwnerService>().WithMany().HasForeignKey(u => u.OwnerServiceId).OnDelete(DeleteBehavior.Restrict);
    }
}
