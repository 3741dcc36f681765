using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VoixUsager.Mystery;

namespace VoixUsager.Data.EntityConfigurations;

public sealed class GridVersionConfiguration : IEntityTypeConfiguration<GridVersion>
{
    public const int KeyMaxLength = 60;

    public const int TitleMaxLength = 200;

    public const int ChannelMaxLength = 20;

    public void Configure(EntityTypeBuilder<GridVersion> builder)
    {
        builder.Property(g => g.Key).HasMaxLength(KeyMaxLength);
        builder.Property(g => g.Title).HasMaxLength(TitleMaxLength);
        builder.Property(g => g.Channel).HasConversion<string>().HasMaxLength(ChannelMaxLength);
        builder.HasIndex(g => new { g.Key, g.VersionNumber }).IsUnique();
    }
}
