using Microsoft.EntityFrameworkCore;
using VoixUsager.Prefectures;
using VoixUsager.Questionnaires;
using VoixUsager.Surveys;

namespace VoixUsager.Tests.Infrastructure;

/// <summary>
/// A known survey data set for Cantal, on top of <see cref="StaffTestData"/>, whose figures were worked
/// out by hand:
/// previous campaign, 20 responses, overall satisfaction 8 / 4 / 6 / 2 / 0 sans avis → 12/20 = 60 %;
/// current campaign, 40 responses, 12 / 10 / 5 / 3 / 10 sans avis → 22/30 = 73,3 %,
/// Wilson 95 % 55,6 %–85,8 %; two-proportion test z = 0,990, p = 0,322: not significant.
/// </summary>
public static class ResultsTestData
{
    public const string PersonalSuggestion = "Rappelez-moi au 06 12 34 56 78 ou écrivez à jean.dupont@example.fr pour mon dossier.";
    public const string ScriptSuggestion = "<script>alert('x')</script> Plus de guichets le matin.";

    public sealed record Ids(StaffTestData Staff, int PreviousCampaignId, int CurrentCampaignId, int AllierCampaignId, int MainSiteId, int SecondSiteId);

    public static async Task<Ids> SeedAsync(VoixUsagerAppFactory app)
    {
        var staff = await StaffTestData.SeedAsync(app);
        return await app.WithDbAsync(async db =>
        {
            var version = await db.QuestionnaireVersions.Include(v => v.Questions).ThenInclude(q => q.Options).SingleAsync(v => v.Key == DefaultQuestionnaire.Key);
            var mainSite = await db.Sites.SingleAsync(s => s.PrefectureId == staff.CantalId);
            var second = new Site { PrefectureId = staff.CantalId, PublicCode = "cantal-mauriac", Name = "Sous-préfecture de Mauriac", Kind = SiteKind.SousPrefecture };
            db.Sites.Add(second);
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var previous = new SurveyCampaign { PrefectureId = staff.CantalId, Name = "Campagne 2025", StartsOn = today.AddDays(-400), EndsOn = today.AddDays(-310), QuestionnaireVersionId = version.Id };
            var current = new SurveyCampaign { PrefectureId = staff.CantalId, Name = "Campagne 2026", StartsOn = today.AddDays(-30), EndsOn = today.AddDays(30), QuestionnaireVersionId = version.Id };
            var allier = new SurveyCampaign { PrefectureId = staff.AllierId, Name = "Campagne Allier", StartsOn = today.AddDays(-30), EndsOn = today.AddDays(30), QuestionnaireVersionId = version.Id };
            db.SurveyCampaigns.AddRange(previous, current, allier);
            await db.SaveChangesAsync();

            var questions = version.Questions.OrderBy(q => q.Order).ToList();
            var global = questions.Single(q => q.Code == DefaultQuestionnaire.Codes.SatisfactionGlobale);
            var suggestion = questions.Single(q => q.Code == DefaultQuestionnaire.Codes.Suggestion);

            void Add(SurveyCampaign campaign, int[] globalCounts, DateTime around)
            {
                var scores = globalCounts.SelectMany((count, index) => Enumerable.Repeat(index, count)).ToList();
                for (var i = 0; i < scores.Count; i++)
                {
                    var response = new SurveyResponse
                    {
                        CampaignId = campaign.Id,
                        SiteId = i % 4 == 3 ? second.Id : mainSite.Id,
                        QuestionnaireVersionId = version.Id,
                        Channel = i % 2 == 0 ? SurveyChannel.QrCode : SurveyChannel.SiteInternet,
                        SubmissionId = Guid.NewGuid(),
                        SubmittedAtUtc = around.AddHours(i),
                    };
                    foreach (var q in questions.Where(q => q.Kind != QuestionKind.FreeText))
                    {
                        // Options are ordered tout à fait, plutôt, plutôt pas, pas du tout, sans avis.
                        var option = q.Id == global.Id ? q.Options.OrderBy(o => o.Order).ElementAt(scores[i]) : q.Options.OrderBy(o => o.Order).First();
                        response.Answers.Add(new SurveyAnswer { QuestionId = q.Id, OptionId = option.Id });
                    }

                    if (campaign == current && i < 2)
                    {
                        response.Answers.Add(new SurveyAnswer { QuestionId = suggestion.Id, Text = i == 0 ? PersonalSuggestion : ScriptSuggestion });
                    }

                    db.SurveyResponses.Add(response);
                }
            }

            Add(previous, [8, 4, 6, 2, 0], DateTime.UtcNow.AddDays(-380));
            Add(current, [12, 10, 5, 3, 10], DateTime.UtcNow.AddDays(-20));
            await db.SaveChangesAsync();
            return new Ids(staff, previous.Id, current.Id, allier.Id, mainSite.Id, second.Id);
        });
    }
}
