using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VoixUsager.Questionnaires;
using VoixUsager.Surveys;

namespace VoixUsager.Data.EntityConfigurations;

public sealed class SurveyResponseConfiguration : IEntityTypeConfiguration<SurveyResponse>
{
    public const int ChannelMaxLength = 30;

    public const int LanguageMaxLength = QuestionnaireLanguages.TagMaxLength;

    public void Configure(EntityTypeBuilder<SurveyResponse> builder)
    {
        builder.Property(r => r.Channel).HasConversion<string>().HasMaxLength(ChannelMaxLength);
        builder.Property(r => r.Language).HasMaxLength(LanguageMaxLength).HasDefaultValue(QuestionnaireLanguages.French);
        builder.HasIndex(r => r.SubmissionId).IsUnique();
        // The dashboards' cache key reads the latest id and the count of a préfecture's responses on every
        // request, through this index. SQL Server's and SQLite's indexes carry the primary key already; on
        // PostgreSQL the id must be included, or each read visits the table's pages (124 ms for a
        // préfecture of 10,000 responses in the 1,000,000-response data, against an index-only scan).
        Microsoft.EntityFrameworkCore.NpgsqlIndexBuilderExtensions.IncludeProperties(
            builder.HasIndex(r => new { r.CampaignId, r.SiteId, r.SubmittedAtUtc }), r => new { r.Id });
        // The national overview counts live only the responses of days not yet in its daily counts.
        builder.HasIndex(r => r.SubmittedAtUtc);
        builder.HasOne(r => r.Campaign).WithMany().HasForeignKey(r => r.CampaignId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Site).WithMany().HasForeignKey(r => r.SiteId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<QuestionnaireVersion>().WithMany().HasForeignKey(r => r.QuestionnaireVersionId).OnDelete(DeleteBehavior.Restrict);
    }
}
