using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VoixUsager.Register;

namespace VoixUsager.Data.EntityConfigurations;

public sealed class OwnerServiceConfiguration : IEntityTypeConfiguration<OwnerService>
{
    public const int NameMaxLength = 150;

    public void Configure(EntityTypeBuilder<OwnerService> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(NameMaxLength);
        // Two services of one préfecture with the same name could not be told apart in a list.
        builder.HasIndex(s => new { s.PrefectureId, s.Name }).IsUnique();
        builder.HasOne(s => s.Prefecture).WithMany().HasForeignKey(s => s.PrefectureId).OnDelete(DeleteBehavior.Restrict);
    }
}
