using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VoixUsager.Results;
using VoixUsager.Surveys;

namespace VoixUsager.Data.EntityConfigurations;

public sealed class SuggestionReviewConfiguration : IEntityTypeConfiguration<SuggestionReview>
{
    public const int ResponseMaxLength = 2000;

    public const int ReviewedByUserIdMaxLength = 450;

    public void Configure(EntityTypeBuilder<SuggestionReview> builder)
    {
        builder.Property(r => r.Response).HasMaxLength(ResponseMaxLength);
        builder.Property(r => r.ReviewedByUserId).HasMaxLength(ReviewedByUserIdMaxLength);
        builder.HasIndex(r => r.AnswerId).IsUnique();
        builder.HasOne<SurveyAnswer>().WithMany().HasForeignKey(r => r.AnswerId).OnDelete(DeleteBehavior.Cascade);
    }
}
