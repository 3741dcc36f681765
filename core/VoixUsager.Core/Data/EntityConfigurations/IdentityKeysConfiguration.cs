using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace VoixUsager.Data.EntityConfigurations;

/// <summary>
/// ASP.NET Core Identity's own tables, with keys SQL Server can index: within 900 bytes for a clustered
/// primary key. Identity writes these names itself (a provider such as "[AspNetUserStore]", a token name
/// such as "AuthenticatorKey"); the application has no external login.
/// </summary>
public sealed class IdentityRoleConfiguration : IEntityTypeConfiguration<IdentityRole>
{
    public void Configure(EntityTypeBuilder<IdentityRole> builder) =>
        builder.Property(r => r.Id).HasMaxLength(AppUserConfiguration.IdMaxLength);
}

public sealed class IdentityUserLoginConfiguration : IEntityTypeConfiguration<IdentityUserLogin<string>>
{
    public const int LoginProviderMaxLength = 128;

    public const int ProviderKeyMaxLength = 128;

    public void Configure(EntityTypeBuilder<IdentityUserLogin<string>> builder)
    {
        builder.Property(l => l.LoginProvider).HasMaxLength(LoginProviderMaxLength);
        builder.Property(l => l.ProviderKey).HasMaxLength(ProviderKeyMaxLength);
    }
}

public sealed class IdentityUserTokenConfiguration : IEntityTypeConfiguration<IdentityUserToken<string>>
{
    public const int LoginProviderMaxLength = 128;

    public const int NameMaxLength = 128;

    public void Configure(EntityTypeBuilder<IdentityUserToken<string>> builder)
    {
        builder.Property(t => t.LoginProvider).HasMaxLength(LoginProviderMaxLength);
        builder.Property(t => t.Name).HasMaxLength(NameMaxLength);
    }
}
