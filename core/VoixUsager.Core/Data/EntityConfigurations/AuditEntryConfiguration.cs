using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VoixUsager.Auditing;

namespace VoixUsager.Data.EntityConfigurations;

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public const int UserIdMaxLength = 450;

    public const int UserEmailMaxLength = 256;

    public const int ActionMaxLength = 100;

    public const int EntityTypeMaxLength = 100;

    public const int EntityIdMaxLength = 100;

    public const int DetailsMaxLength = AuditEntry.MaxDetailsLength;

    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(e => e.UserId).HasMaxLength(UserIdMaxLength);
        builder.Property(e => e.UserEmail).HasMaxLength(UserEmailMaxLength);
        builder.Property(e => e.Action).HasMaxLength(ActionMaxLength);
        builder.Property(e => e.EntityType).HasMaxLength(EntityTypeMaxLength);
        builder.Property(e => e.EntityId).HasMaxLength(EntityIdMaxLength);
        builder.Property(e => e.Details).HasMaxLength(DetailsMaxLength);
        builder.HasIndex(e => new { e.PrefectureId, e.AtUtc });
        builder.HasIndex(e => e.AtUtc);
    }
}
