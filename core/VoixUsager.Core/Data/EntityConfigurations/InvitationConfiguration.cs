using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VoixUsager.Accounts;
using VoixUsager.Prefectures;

namespace VoixUsager.Data.EntityConfigurations;

public sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public const int EmailMaxLength = 256;

    public const int DisplayNameMaxLength = 200;

    public const int RoleMaxLength = 30;

    public const int TokenHashMaxLength = 100;

    public const int InvitedByUserIdMaxLength = 450;

    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        builder.Property(i => i.Email).HasMaxLength(EmailMaxLength);
        builder.Property(i => i.DisplayName).HasMaxLength(DisplayNameMaxLength);
        builder.Property(i => i.Role).HasMaxLength(RoleMaxLength);
        builder.Property(i => i.TokenHash).HasMaxLength(TokenHashMaxLength);
        builder.Property(i => i.InvitedByUserId).HasMaxLength(InvitedByUserIdMaxLength);
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.HasIndex(i => i.Email);
        builder.HasOne<Prefecture>().WithMany().HasForeignKey(i => i.PrefectureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Register.OwnerService>().WithMany().HasForeignKey(i => i.OwnerServiceId).OnDelete(DeleteBehavior.Restrict);
    }
}
