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
    public DbSet<SiteFormerCode> SiteFormerCodes => Set<SiteFormerCode>();
    public DbSet<QuestionnaireVersion> QuestionnaireVersions => Set<QuestionnaireVersion>();
    public DbSet<Question> Questions => Set<Question>();
    public DbSet<QuestionOption> QuestionOptions => Set<QuestionOption>();
    public DbSet<QuestionnaireVersionTranslation> QuestionnaireVersionTranslations => Set<QuestionnaireVersionTranslation>();
    public DbSet<QuestionTranslation> QuestionTranslations => Set<QuestionTranslation>();
    public DbSet<QuestionOptionTranslation> QuestionOptionTranslations => Set<QuestionOptionTranslation>();
    public DbSet<QuestionnaireDraft> QuestionnaireDrafts => Set<QuestionnaireDraft>();
    public DbSet<SurveyCampaignQuestionnaire> SurveyCampaignQuestionnaires => Set<SurveyCampaignQuestionnaire>();
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
    public DbSet<ResultsPublication> ResultsPublications => Set<ResultsPublication>();
    public DbSet<NationalDailyCount> NationalDailyCounts => Set<NationalDailyCount>();
    public DbSet<NationalDailyCountsWatermark> NationalDailyCountsWatermarks => Set<NationalDailyCountsWatermark>();
    public DbSet<CluMeeting> CluMeetings => Set<CluMeeting>();
    public DbSet<CluMember> CluMembers => Set<CluMember>();
    public DbSet<CluDelivery> CluDeliveries => Set<CluDelivery>();
    public DbSet<CluAgendaItem> CluAgendaItems => Set<CluAgendaItem>();
    public DbSet<CluInvitationDelivery> CluInvitationDeliveries => Set<CluInvitationDelivery>();
    public DbSet<CluDocument> CluDocuments => Set<CluDocument>();
    public DbSet<DataProtectionKeyRecord> DataProtectionKeys => Set<DataProtectionKeyRecord>();
    public DbSet<Register.OwnerService> OwnerServices => Set<Register.OwnerService>();
    public DbSet<Register.RegisterCase> RegisterCases => Set<Register.RegisterCase>();
    public DbSet<Register.RegisterAttachment> RegisterAttachments => Set<Register.RegisterAttachment>();
    public DbSet<Register.OverdueDigestClaim> OverdueDigestClaims => Set<Register.OverdueDigestClaim>();
    public DbSet<ActionPlan.QualModule> QualModules => Set<ActionPlan.QualModule>();
    public DbSet<ActionPlan.QualEngagement> QualEngagements => Set<ActionPlan.QualEngagement>();
    public DbSet<ActionPlan.PlanAction> PlanActions => Set<ActionPlan.PlanAction>();
    public DbSet<ActionPlan.PlanActionEvent> PlanActionEvents => Set<ActionPlan.PlanActionEvent>();
    public DbSet<ActionPlan.CluDecision> CluDecisions => Set<ActionPlan.CluDecision>();

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
            .FirstOrDefault(e => e.Entity is QuestionnaireVersion or Question or QuestionOption or QuestionnaireVersionTranslation or QuestionTranslation or QuestionOptionTranslation or GridVersion or GridCriterion);
        if (changed is not null)
        {
            throw new InvalidOperationException(
                $"Une version de questionnaire est immuable ({changed.Entity.GetType().Name} {changed.State}) : créez une nouvelle version avec QuestionnaireVersioning.");
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // One configuration class per entity (EntityConfigurations/), holding each column's length as
        // the constant that validation uses too.
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }
}
