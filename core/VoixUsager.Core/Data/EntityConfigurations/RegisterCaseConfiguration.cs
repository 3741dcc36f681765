using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VoixUsager.Register;

namespace VoixUsager.Data.EntityConfigurations;

public sealed class RegisterCaseConfiguration : IEntityTypeConfiguration<RegisterCase>
{
    /// <summary>About two pages of a fiche: enough for a complaint, not a file.</summary>
    public const int TextMaxLength = 4000;

    public const int AnswerTextMaxLength = 4000;

    public const int ClosedReasonMaxLength = 500;

    public const int AnswerMessageIdMaxLength = 200;

    public const int ContactNameMaxLength = 200;

    public const int ContactEmailMaxLength = 256;

    public const int ContactPostalAddressMaxLength = 500;

    public const int EnumMaxLength = 30;

    public const int KindMaxLength = EnumMaxLength;

    public const int SubjectMaxLength = EnumMaxLength;

    public const int ChannelMaxLength = EnumMaxLength;

    public const int StatusMaxLength = EnumMaxLength;

    public const int AnswerModeMaxLength = EnumMaxLength;

    public void Configure(EntityTypeBuilder<RegisterCase> builder)
    {
        builder.Property(c => c.Text).HasMaxLength(TextMaxLength);
        builder.Property(c => c.AnswerText).HasMaxLength(AnswerTextMaxLength);
        builder.Property(c => c.ClosedReason).HasMaxLength(ClosedReasonMaxLength);
        builder.Property(c => c.AnswerMessageId).HasMaxLength(AnswerMessageIdMaxLength);
        builder.Property(c => c.ContactName).HasMaxLength(ContactNameMaxLength);
        builder.Property(c => c.ContactEmail).HasMaxLength(ContactEmailMaxLength);
        builder.Property(c => c.ContactPostalAddress).HasMaxLength(ContactPostalAddressMaxLength);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(EnumMaxLength);
        builder.Property(c => c.Subject).HasConversion<string>().HasMaxLength(EnumMaxLength);
        builder.Property(c => c.Channel).HasConversion<string>().HasMaxLength(EnumMaxLength);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(EnumMaxLength);
        builder.Property(c => c.AnswerMode).HasConversion<string>().HasMaxLength(EnumMaxLength);
        builder.Ignore(c => c.Reference);
        builder.Ignore(c => c.HasContact);
        builder.Ignore(c => c.IsOpen);
        builder.HasIndex(c => new { c.PrefectureId, c.ReceivedOn });
        builder.HasIndex(c => new { c.PrefectureId, c.OwnerServiceId, c.Status });
        builder.HasOne(c => c.Prefecture).WithMany().HasForeignKey(c => c.PrefectureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Site).WithMany().HasForeignKey(c => c.SiteId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.OwnerService).WithMany().HasForeignKey(c => c.OwnerServiceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Attachment).WithOne().HasForeignKey<RegisterAttachment>(a => a.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class RegisterAttachmentConfiguration : IEntityTypeConfiguration<RegisterAttachment>
{
    public const int FileNameMaxLength = 200;

    public const int ContentTypeMaxLength = 50;

    public void Configure(EntityTypeBuilder<RegisterAttachment> builder)
    {
        builder.Property(a => a.FileName).HasMaxLength(FileNameMaxLength);
        builder.Property(a => a.ContentType).HasMaxLength(ContentTypeMaxLength);
        builder.HasIndex(a => a.CaseId).IsUnique();
    }
}

public sealed class OverdueDigestClaimConfiguration : IEntityTypeConfiguration<OverdueDigestClaim>
{
    public void Configure(EntityTypeBuilder<OverdueDigestClaim> builder)
    {
        builder.HasIndex(c => new { c.PrefectureId, c.OwnerKey, c.WeekOf }).IsUnique();
        builder.HasOne<Prefectures.Prefecture>().WithMany().HasForeignKey(c => c.PrefectureId).OnDelete(DeleteBehavior.Restrict);
    }
}
