using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Accounts;
using VoixUsager.Auditing;
using VoixUsager.Clu;
using VoixUsager.Mystery;
using VoixUsager.Prefectures;
using VoixUsager.Questionnaires;
using VoixUsager.Results;
using VoixUsager.Surveys;

namespace VoixUsager.Data;

/// <summary>The one DbContext of VoixUsager, shared by the web and the worker, whatever the provider.</summary>
public class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityDbContext<AppUser>(options)
{
    public DbSet<Prefecture> Prefectures => Set<Prefecture>();
    public DbSet<Site> Sites => Set<Site>();
    public DbSet<QuestionnaireVersion> QuestionnaireVersions => Set<QuestionnaireVersion>();
    public DbSet<Question> Questions => Set<Question>();
    public DbSet<QuestionOption> QuestionOptions => Set<QuestionOption>();
    public DbSet<SurveyCampaign> SurveyCampaigns => Set<SurveyCampaign>();
    public DbSet<SurveyResponse> SurveyResponses => Set<SurveyResponse>();
    public DbSet<SurveyAnswer> SurveyAnswers => Set<SurveyAnswer>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<GridVersion> GridVersions => Set<GridVersion>();
    public DbSet<GridCriterion> GridCriteria => Set<GridCriterion>();
    public DbSet<MysteryCampaign> MysteryCampaigns => Set<MysteryCampaign>();
    public DbSet<MysteryScenario> MysteryScenarios => Set<MysteryScenario>();
    public DbSet<MysteryRecord> MysteryRecords => Set<MysteryRecord>();
    public DbSet<MysteryCallRecord> MysteryCallRecords => Set<MysteryCallRecord>();
    public DbSet<MysteryEmailRecord> MysteryEmailRecords => Set<MysteryEmailRecord>();
    public DbSet<MysteryAnswer> MysteryAnswers => Set<MysteryAnswer>();
    public DbSet<SiteMonthlyVisitors> SiteMonthlyVisitors => Set<SiteMonthlyVisitors>();
    public DbSet<SuggestionReview> SuggestionReviews => Set<SuggestionReview>();
    public DbSet<IndicatorValue> IndicatorValues => Set<IndicatorValue>();
    public DbSet<ResultsSnapshot> ResultsSnapshots => Set<ResultsSnapshot>();
    public DbSet<CluMeeting> CluMeetings => Set<CluMeeting>();
    public DbSet<CluMember> CluMembers => Set<CluMember>();
    public DbSet<CluDelivery> CluDeliveries => Set<CluDelivery>();
    public DbSet<DataProtectionKeyRecord> DataProtectionKeys => Set<DataProtectionKeyRecord>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        GuardImmutableVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        GuardImmutableVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// A saved questionnaire version is what stored answers refer to: editing or deleting it would
    /// silently change what those answers mean. Changes go through a new version instead.
    /// </summary>
    private void GuardImmutableVersions()
    {
        var changed = ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Modified or EntityState.Deleted)
            .FirstOrDefault(e => e.Entity is QuestionnaireVersion or Question or QuestionOption or GridVersion or GridCriterion);
        if (changed is not null)
        {
            throw new InvalidOperationException(
                $"Une version de questionnaire est immuable ({changed.Entity.GetType().Name} {changed.State}) : créez une nouvelle version avec QuestionnaireVersioning.");
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<AppUser>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(200);
            user.HasOne<Prefecture>().WithMany().HasForeignKey(u => u.PrefectureId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Prefecture>(prefecture =>
        {
            prefecture.Property(p => p.DepartementCode).HasMaxLength(3);
            prefecture.HasIndex(p => p.DepartementCode).IsUnique();
            prefecture.Property(p => p.Name).HasMaxLength(100);
            prefecture.Property(p => p.DisplayName).HasMaxLength(150);
            prefecture.Property(p => p.HolidayZone).HasConversion<string>().HasMaxLength(20);
        });

        builder.Entity<Site>(site =>
        {
            site.Property(s => s.PublicCode).HasMaxLength(60);
            site.HasIndex(s => s.PublicCode).IsUnique();
            site.Property(s => s.Name).HasMaxLength(150);
            site.Property(s => s.Kind).HasConversion<string>().HasMaxLength(30);
            site.HasOne(s => s.Prefecture).WithMany(p => p.Sites).HasForeignKey(s => s.PrefectureId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<QuestionnaireVersion>(version =>
        {
            version.Property(v => v.Key).HasMaxLength(60);
            version.Property(v => v.Title).HasMaxLength(200);
            version.HasIndex(v => new { v.Key, v.VersionNumber }).IsUnique();
            version.HasOne<Prefecture>().WithMany().HasForeignKey(v => v.PrefectureId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Question>(question =>
        {
            question.Property(q => q.Code).HasMaxLength(60);
            question.Property(q => q.Text).HasMaxLength(500);
            question.Property(q => q.HelpText).HasMaxLength(500);
            question.Property(q => q.Kind).HasConversion<string>().HasMaxLength(30);
            question.HasIndex(q => new { q.QuestionnaireVersionId, q.Code }).IsUnique();
            question.HasOne(q => q.QuestionnaireVersion).WithMany(v => v.Questions).HasForeignKey(q => q.QuestionnaireVersionId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<QuestionOption>(option =>
        {
            option.Property(o => o.Code).HasMaxLength(60);
            option.Property(o => o.Label).HasMaxLength(200);
            option.HasIndex(o => new { o.QuestionId, o.Code }).IsUnique();
            option.HasOne(o => o.Question).WithMany(q => q.Options).HasForeignKey(o => o.QuestionId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<SurveyCampaign>(campaign =>
        {
            campaign.Property(c => c.Name).HasMaxLength(150);
            campaign.HasIndex(c => new { c.PrefectureId, c.StartsOn });
            campaign.HasOne(c => c.Prefecture).WithMany().HasForeignKey(c => c.PrefectureId).OnDelete(DeleteBehavior.Restrict);
            campaign.HasOne(c => c.QuestionnaireVersion).WithMany().HasForeignKey(c => c.QuestionnaireVersionId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<SurveyResponse>(response =>
        {
            response.Property(r => r.Channel).HasConversion<string>().HasMaxLength(30);
            response.HasIndex(r => r.SubmissionId).IsUnique();
            response.HasIndex(r => new { r.CampaignId, r.SiteId, r.SubmittedAtUtc });
            response.HasOne(r => r.Campaign).WithMany().HasForeignKey(r => r.CampaignId).OnDelete(DeleteBehavior.Restrict);
            response.HasOne(r => r.Site).WithMany().HasForeignKey(r => r.SiteId).OnDelete(DeleteBehavior.Restrict);
            response.HasOne<QuestionnaireVersion>().WithMany().HasForeignKey(r => r.QuestionnaireVersionId).OnDelete(DeleteBehavior.Restrict);
        });

        ConfigureAccountsAndAudit(builder);
        ConfigureMystery(builder);
        ConfigureResults(builder);
        ConfigureClu(builder);

        builder.Entity<SurveyAnswer>(answer =>
        {
            answer.Property(a => a.Text).HasMaxLength(SurveyLimits.FreeTextMaxLength);
            answer.HasIndex(a => new { a.ResponseId, a.QuestionId }).IsUnique();
            answer.HasIndex(a => new { a.QuestionId, a.OptionId });
            answer.HasOne(a => a.Response).WithMany(r => r.Answers).HasForeignKey(a => a.ResponseId).OnDelete(DeleteBehavior.Cascade);
            answer.HasOne<Question>().WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.Restrict);
            answer.HasOne<QuestionOption>().WithMany().HasForeignKey(a => a.OptionId).OnDelete(DeleteBehavior.Restrict);
        });
    }

    private static void ConfigureAccountsAndAudit(ModelBuilder builder)
    {
        builder.Entity<Invitation>(invitation =>
        {
            invitation.Property(i => i.Email).HasMaxLength(256);
            invitation.Property(i => i.DisplayName).HasMaxLength(200);
            invitation.Property(i => i.Role).HasMaxLength(30);
            invitation.Property(i => i.TokenHash).HasMaxLength(100);
            invitation.Property(i => i.InvitedByUserId).HasMaxLength(450);
            invitation.HasIndex(i => i.TokenHash).IsUnique();
            invitation.HasIndex(i => i.Email);
            invitation.HasOne<Prefecture>().WithMany().HasForeignKey(i => i.PrefectureId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<AuditEntry>(entry =>
        {
            entry.Property(e => e.UserId).HasMaxLength(450);
            entry.Property(e => e.UserEmail).HasMaxLength(256);
            entry.Property(e => e.Action).HasMaxLength(100);
            entry.Property(e => e.EntityType).HasMaxLength(100);
            entry.Property(e => e.EntityId).HasMaxLength(100);
            entry.Property(e => e.Details).HasMaxLength(AuditEntry.MaxDetailsLength);
            entry.HasIndex(e => new { e.PrefectureId, e.AtUtc });
            entry.HasIndex(e => e.AtUtc);
        });
    }

    private static void ConfigureMystery(ModelBuilder builder)
    {
        builder.Entity<GridVersion>(grid =>
        {
            grid.Property(g => g.Key).HasMaxLength(60);
            grid.Property(g => g.Title).HasMaxLength(200);
            grid.Property(g => g.Channel).HasConversion<string>().HasMaxLength(20);
            grid.HasIndex(g => new { g.Key, g.VersionNumber }).IsUnique();
        });

        builder.Entity<GridCriterion>(criterion =>
        {
            criterion.Property(c => c.Group).HasMaxLength(60);
            criterion.Property(c => c.Code).HasMaxLength(60);
            criterion.Property(c => c.Label).HasMaxLength(300);
            criterion.Property(c => c.HelpText).HasMaxLength(500);
            criterion.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
            criterion.HasIndex(c => new { c.GridVersionId, c.Code }).IsUnique();
            criterion.HasOne(c => c.GridVersion).WithMany(g => g.Criteria).HasForeignKey(c => c.GridVersionId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<MysteryCampaign>(campaign =>
        {
            campaign.Property(c => c.Name).HasMaxLength(150);
            campaign.HasOne(c => c.EvaluatedPrefecture).WithMany().HasForeignKey(c => c.EvaluatedPrefectureId).OnDelete(DeleteBehavior.Restrict);
            campaign.HasOne(c => c.CallGridVersion).WithMany().HasForeignKey(c => c.CallGridVersionId).OnDelete(DeleteBehavior.Restrict);
            campaign.HasOne(c => c.EmailGridVersion).WithMany().HasForeignKey(c => c.EmailGridVersionId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<MysteryCampaignPartner>(partner =>
        {
            partner.HasKey(p => new { p.CampaignId, p.PrefectureId });
            partner.HasOne<MysteryCampaign>().WithMany(c => c.Partners).HasForeignKey(p => p.CampaignId).OnDelete(DeleteBehavior.Cascade);
            partner.HasOne(p => p.Prefecture).WithMany().HasForeignKey(p => p.PrefectureId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<MysteryCampaignReferent>(referent =>
        {
            referent.HasKey(r => new { r.CampaignId, r.UserId });
            referent.Property(r => r.UserId).HasMaxLength(450);
            referent.HasOne<MysteryCampaign>().WithMany(c => c.Referents).HasForeignKey(r => r.CampaignId).OnDelete(DeleteBehavior.Cascade);
            referent.HasOne<AppUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<MysteryScenario>(scenario =>
        {
            scenario.Property(s => s.Channel).HasConversion<string>().HasMaxLength(20);
            scenario.Property(s => s.Question).HasMaxLength(1000);
            scenario.Property(s => s.Target).HasMaxLength(200);
            scenario.Property(s => s.AssignedReferentId).HasMaxLength(450);
            scenario.HasIndex(s => new { s.AssignedReferentId, s.PlannedOn });
            scenario.HasOne(s => s.Campaign).WithMany(c => c.Scenarios).HasForeignKey(s => s.CampaignId).OnDelete(DeleteBehavior.Cascade);
            scenario.HasOne<AppUser>().WithMany().HasForeignKey(s => s.AssignedReferentId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<MysteryRecord>(record =>
        {
            record.ToTable("MysteryRecords");
            record.HasDiscriminator<string>("Kind").HasValue<MysteryCallRecord>("Appel").HasValue<MysteryEmailRecord>("Courriel");
            record.Property<string>("Kind").HasMaxLength(20);
            record.Property(r => r.AuthorId).HasMaxLength(450);
            record.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
            record.Property(r => r.Comment).HasMaxLength(4000);
            // One record per scenario: a call is made once, and corrected rather than made again.
            record.HasIndex(r => r.ScenarioId).IsUnique();
            record.HasIndex(r => new { r.CampaignId, r.Status });
            record.HasOne(r => r.Scenario).WithMany().HasForeignKey(r => r.ScenarioId).OnDelete(DeleteBehavior.Restrict);
            record.HasOne<MysteryCampaign>().WithMany().HasForeignKey(r => r.CampaignId).OnDelete(DeleteBehavior.Restrict);
            record.HasOne<GridVersion>().WithMany().HasForeignKey(r => r.GridVersionId).OnDelete(DeleteBehavior.Restrict);
            record.HasOne<AppUser>().WithMany().HasForeignKey(r => r.AuthorId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<MysteryCallRecord>(call =>
        {
            call.Property(c => c.NumberDialled).HasMaxLength(100);
            call.Property(c => c.Outcome).HasConversion<string>().HasMaxLength(20);
        });

        builder.Entity<MysteryEmailRecord>(email => email.Property(e => e.Address).HasMaxLength(256));

        builder.Entity<MysteryAnswer>(answer =>
        {
            answer.Property(a => a.Choice).HasConversion<string>().HasMaxLength(20);
            answer.HasIndex(a => new { a.RecordId, a.CriterionId }).IsUnique();
            answer.HasOne<MysteryRecord>().WithMany(r => r.Answers).HasForeignKey(a => a.RecordId).OnDelete(DeleteBehavior.Cascade);
            answer.HasOne<GridCriterion>().WithMany().HasForeignKey(a => a.CriterionId).OnDelete(DeleteBehavior.Restrict);
        });
    }

    private static void ConfigureResults(ModelBuilder builder)
    {
        builder.Entity<SiteMonthlyVisitors>(visitors =>
        {
            visitors.HasIndex(v => new { v.SiteId, v.Month }).IsUnique();
            visitors.HasOne<Site>().WithMany().HasForeignKey(v => v.SiteId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<SuggestionReview>(review =>
        {
            review.Property(r => r.Response).HasMaxLength(2000);
            review.Property(r => r.ReviewedByUserId).HasMaxLength(450);
            review.HasIndex(r => r.AnswerId).IsUnique();
            review.HasOne<SurveyAnswer>().WithMany().HasForeignKey(r => r.AnswerId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<IndicatorValue>(indicator =>
        {
            indicator.Property(i => i.Code).HasMaxLength(60);
            indicator.Property(i => i.Comment).HasMaxLength(1000);
            indicator.Property(i => i.UpdatedBy).HasMaxLength(256);
            indicator.HasIndex(i => new { i.PrefectureId, i.Code, i.Year, i.Semester }).IsUnique();
            indicator.HasOne<Prefecture>().WithMany().HasForeignKey(i => i.PrefectureId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<ResultsSnapshot>(snapshot =>
        {
            snapshot.Property(s => s.ComputedBy).HasMaxLength(256);
            snapshot.Property(s => s.Description).HasMaxLength(500);
            snapshot.HasIndex(s => new { s.PrefectureId, s.CutoffUtc });
            snapshot.HasOne<Prefecture>().WithMany().HasForeignKey(s => s.PrefectureId).OnDelete(DeleteBehavior.Restrict);
        });
    }

    private static void ConfigureClu(ModelBuilder builder)
    {
        builder.Entity<CluMeeting>(clu =>
        {
            clu.Property(c => c.Place).HasMaxLength(300);
            clu.HasIndex(c => new { c.PrefectureId, c.MeetingOn });
            clu.HasOne<Prefecture>().WithMany().HasForeignKey(c => c.PrefectureId).OnDelete(DeleteBehavior.Restrict);
            clu.HasOne<SurveyCampaign>().WithMany().HasForeignKey(c => c.SurveyCampaignId).OnDelete(DeleteBehavior.Restrict);
            clu.HasOne<MysteryCampaign>().WithMany().HasForeignKey(c => c.MysteryCampaignId).OnDelete(DeleteBehavior.Restrict);
            clu.HasOne<ResultsSnapshot>().WithMany().HasForeignKey(c => c.SnapshotId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<CluMember>(member =>
        {
            member.Property(m => m.Name).HasMaxLength(200);
            member.Property(m => m.Organisation).HasMaxLength(200);
            member.Property(m => m.Email).HasMaxLength(256);
            member.HasOne<CluMeeting>().WithMany(c => c.Members).HasForeignKey(m => m.CluMeetingId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<CluDelivery>(delivery =>
        {
            delivery.Property(d => d.RecipientEmail).HasMaxLength(256);
            delivery.Property(d => d.RecipientName).HasMaxLength(200);
            delivery.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
            delivery.Property(d => d.MessageId).HasMaxLength(300);
            delivery.Property(d => d.LastError).HasMaxLength(CluDelivery.MaxErrorLength);
            delivery.HasIndex(d => new { d.CluMeetingId, d.RecipientEmail }).IsUnique();
            delivery.HasOne<CluMeeting>().WithMany(c => c.Deliveries).HasForeignKey(d => d.CluMeetingId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<DataProtectionKeyRecord>(key =>
        {
            key.ToTable("DataProtectionKeys");
            key.Property(k => k.FriendlyName).HasMaxLength(200);
        });
    }
}
