using Microsoft.EntityFrameworkCore;
using VoixUsager.Data;
using VoixUsager.Prefectures;
using VoixUsager.Questionnaires;
using VoixUsager.Surveys;

namespace VoixUsager.Tests.Infrastructure;

/// <summary>
/// Two préfectures: Allier, whose survey is open today, and Cantal, whose last campaign has ended and
/// whose next one opens later.
/// </summary>
public static class TestData
{
    public const string OpenSiteCode = "allier-moulins";
    public const string ClosedSiteCode = "cantal-aurillac";

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    public static DateOnly NextCantalOpening => Today.AddDays(40);

    public static async Task<int> SeedAsync(AppDbContext db)
    {
        var questionnaire = await db.QuestionnaireVersions.SingleAsync(v => v.Key == DefaultQuestionnaire.Key);
        var allier = new Prefecture
        {
            DepartementCode = "03",
            Name = "Allier",
            DisplayName = "Préfecture de l'Allier",
            Sites = [new Site { PublicCode = OpenSiteCode, Name = "Préfecture de l'Allier (Moulins)", Kind = SiteKind.Prefecture }],
        };
        var cantal = new Prefecture
        {
            DepartementCode = "15",
            Name = "Cantal",
            DisplayName = "Préfecture du Cantal",
            Sites = [new Site { PublicCode = ClosedSiteCode, Name = "Préfecture du Cantal (Aurillac)", Kind = SiteKind.Prefecture }],
        };
        var openCampaign = new SurveyCampaign
        {
            Prefecture = allier,
            Name = "Campagne d'automne",
            StartsOn = Today.AddDays(-20),
            EndsOn = Today.AddDays(30),
            QuestionnaireVersionId = questionnaire.Id,
        };
        db.AddRange(
            allier,
            cantal,
            openCampaign,
            new SurveyCampaign { Prefecture = cantal, Name = "Campagne passée", StartsOn = Today.AddDays(-100), EndsOn = Today.AddDays(-10), QuestionnaireVersionId = questionnaire.Id },
            new SurveyCampaign { Prefecture = cantal, Name = "Campagne suivante", StartsOn = NextCantalOpening, EndsOn = NextCantalOpening.AddDays(60), QuestionnaireVersionId = questionnaire.Id });
        await db.SaveChangesAsync();
        return openCampaign.Id;
    }
}
