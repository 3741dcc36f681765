using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VoixUsager.Clu;

namespace VoixUsager.Data.EntityConfigurations;

public sealed class CluDeliveryConfiguration : IEntityTypeConfiguration<CluDelivery>
{
    public const int RecipientEmailMaxLength = 256;

    public const int RecipientNameMaxLength = 200;

    public const int StatusMaxLength = 20;

    public const int MessageIdMaxLength = 300;

    public const int LastErrorMaxLength = 2000;

    public void Configure(EntityTypeBuilder<CluDelivery> builder)
    {
        builder.Property(d => d.RecipientEmail).HasMaxLength(RecipientEmailMaxLength);
        builder.Property(d => d.RecipientName).HasMaxLength(RecipientNameMaxLength);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(StatusMaxLength);
        builder.Property(d => d.MessageId).HasMaxLength(MessageIdMaxLength);
        builder.Property(d => d.LastError).HasMaxLength(LastErrorMaxLength);
        builder.HasIndex(d => new { d.CluMeetingId, d.RecipientEmail }).IsUnique();
        builder.HasOne<CluMeeting>().WithMany(c => c.Deliveries).HasForeignKey(d => d.CluMeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}
