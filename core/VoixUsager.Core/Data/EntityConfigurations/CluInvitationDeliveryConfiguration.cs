using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VoixUsager.Clu;

namespace VoixUsager.Data.EntityConfigurations;

public sealed class CluInvitationDeliveryConfiguration : IEntityTypeConfiguration<CluInvitationDelivery>
{
    public const int RecipientEmailMaxLength = CluMemberConfiguration.EmailMaxLength;

    public const int StatusMaxLength = CluDeliveryConfiguration.StatusMaxLength;

    public const int MessageIdMaxLength = CluDeliveryConfiguration.MessageIdMaxLength;

    public const int LastErrorMaxLength = CluDeliveryConfiguration.LastErrorMaxLength;

    public void Configure(EntityTypeBuilder<CluInvitationDelivery> builder)
    {
        builder.ToTable("CluInvitationDeliveries");
        builder.Property(d => d.RecipientEmail).HasMaxLength(RecipientEmailMaxLength);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(StatusMaxLength);
        builder.Property(d => d.MessageId).HasMaxLength(MessageIdMaxLength);
        builder.Property(d => d.LastError).HasMaxLength(LastErrorMaxLength);
        // One row per member and version of the invitation: two copies of the job adding it at once leave one row.
        builder.HasIndex(d => new { d.CluMemberId, d.Sequence }).IsUnique();
        builder.HasIndex(d => d.CluMeetingId);
        // The database removes an invitation with its member, who goes with the CLU: a second cascade
        // straight from the CLU would be two paths to one row, which SQL Server refuses.
        builder.HasOne<CluMeeting>().WithMany().HasForeignKey(d => d.CluMeetingId).OnDelete(DeleteBehavior.ClientCascade);
        builder.HasOne<CluMember>().WithMany().HasForeignKey(d => d.CluMemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
