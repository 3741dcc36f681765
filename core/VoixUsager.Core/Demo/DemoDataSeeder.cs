using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using VoixUsager.Data;
using VoixUsager.Prefectures;
using VoixUsager.Questionnaires;
using VoixUsager.Surveys;

namespace VoixUsager.Demo;

/// <summary>
/// Fills an empty database with a believable préfecture (Drôme) so a newcomer sees real-looking pages at
/// once. Runs only when <c>Demo:Seed</c> is true and never touches a database that already has the demo.
/// </summary>
public sealed class DemoDataSeeder(AppDbContext db, FranceClock clock, Jobs.NationalDailyCountsJob nationalCounts, ILogger<DemoDataSeeder> logger)
{
    public const string DemoDepartement = "26";
    public const string DemoSiteCode = "drome-valence";

    private static readonly string[] Suggestions =
    [
        "Un guichet séparé pour les étrangers éviterait l'attente pour les autres démarches.",
        "Prévenir sur votre site que des sites payants imitent les sites officiels pour les cartes grises.",
        "Un numéro de téléphone direct pour le point d'accueil numérique serait bien utile.",
        "Ouvrir aussi entre 12h et 14h pour ceux qui travaillent.",
        "Mieux signaler l'entrée et les guichets, on ne sait pas où aller en arrivant.",
        "Quelques bonbons à l'accueil pour les enfants qui attendent !",
        "Agent très patient et souriant, merci.",
        "Plus de places assises dans la salle d'attente.",
        "Afficher le temps d'attente estimé à l'entrée.",
        "Les rendez-vous en ligne sont trop vite complets, il faudrait en ouvrir davantage.",
        "Un écran qui appelle les numéros serait plus clair que l'appel à voix haute.",
        "Rien à redire, accueil parfait.",
    ];

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Prefectures.AnyAsync(p => p.DepartementCode == DemoDepartement, cancellationToken))
        {
            return;
        }

        var questionnaire = await DefaultQuestionnaire.EnsureCreatedAsync(db, TimeProvider.System, cancellationToken);
        var questions = await db.Questions.AsNoTracking()
            .Where(q => q.QuestionnaireVersionId == questionnaire.Id)
            .Include(q => q.Options)
            .OrderBy(q => q.Order)
            .ToListAsync(cancellationToken);

        var drome = new Prefecture
        {
            DepartementCode = DemoDepartement,
            Name = "Drôme",
            DisplayName = "Préfecture de la Drôme",
            HolidayZone = HolidayZone.Metropole,
            Sites =
            [
                new Site { PublicCode = DemoSiteCode, Name = "Préfecture de la Drôme (Valence)", Kind = SiteKind.Prefecture },
                new Site { PublicCode = "drome-die", Name = "Sous-préfecture de Die", Kind = SiteKind.SousPrefecture },
                new Site { PublicCode = "drome-nyons", Name = "Sous-préfecture de Nyons", Kind = SiteKind.SousPrefecture },
                new Site { PublicCode = "drome-pan", Name = "Point d'accueil numérique de Valence", Kind = SiteKind.PointAccueilNumerique },
            ],
        };
        db.Prefectures.Add(drome);

        // The current campaign always contains today, so the demo survey is open whenever it is run.
        var today = clock.Today;
        var currentStart = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        var current = new SurveyCampaign
        {
            Prefecture = drome,
            Name = $"Campagne {FrenchMonth(currentStart)} – {FrenchMonth(currentStart.AddMonths(2))} {currentStart.AddMonths(2).Year}",
            StartsOn = currentStart,
            EndsOn = currentStart.AddMonths(3).AddDays(-1),
            QuestionnaireVersionId = questionnaire.Id,
        };
        var previousStart = currentStart.AddYears(-1);
        var previous = new SurveyCampaign
        {
            Prefecture = drome,
            Name = $"Campagne {FrenchMonth(previousStart)} – {FrenchMonth(previousStart.AddMonths(2))} {previousStart.AddMonths(2).Year}",
            StartsOn = previousStart,
            EndsOn = previousStart.AddMonths(3).AddDays(-1),
            QuestionnaireVersionId = questionnaire.Id,
        };
        db.SurveyCampaigns.AddRange(previous, current);

        var random = new Random(2026);
        var currentDays = Math.Max(1, today.DayNumber - currentStart.DayNumber);
        var responses = new List<SurveyResponse>();
        responses.AddRange(MakeResponses(random, current, drome.Sites, questions, currentStart, currentDays, count: 320, satisfiedBias: 0.82));
        responses.AddRange(MakeResponses(random, previous, drome.Sites, questions, previousStart, days: 90, count: 260, satisfiedBias: 0.74));
        db.SurveyResponses.AddRange(responses);

        await db.SaveChangesAsync(cancellationToken);
        // The responses are dated in the past: the national daily counts take them in at once, even on
        // a database whose days were already counted.
        await nationalCounts.RecountFromAsync(FranceClock.DateOf(responses.Min(r => r.SubmittedAtUtc)), cancellationToken);
        await nationalCounts.RunAsync(cancellationToken);
        logger.LogInformation("Demo data seeded: préfecture {Prefecture}, {Sites} sites, {Responses} responses.",
            drome.DisplayName, drome.Sites.Count, responses.Count);
    }

    private static IEnumerable<SurveyResponse> MakeResponses(
        Random random, SurveyCampaign campaign, List<Site> sites, List<Question> questions,
        DateOnly start, int days, int count, double satisfiedBias)
    {
        // Weights follow what the préfecture sees: most answers come from the main reception hall.
        double[] siteWeights = [0.55, 0.15, 0.12, 0.18];
        SurveyChannel[] channels = [SurveyChannel.QrCode, SurveyChannel.QrCode, SurveyChannel.QrCode, SurveyChannel.SiteInternet, SurveyChannel.Courriel, SurveyChannel.PointAccueilNumerique, SurveyChannel.Standard];
        var texts = 0;
        for (var i = 0; i < count; i++)
        {
            var site = sites[Pick(random, siteWeights)];
            var channel = site.Kind == SiteKind.PointAccueilNumerique ? SurveyChannel.PointAccueilNumerique : channels[random.Next(channels.Length)];
            var day = start.AddDays(random.Next(days));
            var submittedAt = day.ToDateTime(new TimeOnly(8 + random.Next(9), random.Next(60)), DateTimeKind.Utc);
            var response = new SurveyResponse
            {
                Campaign = campaign,
                Site = site,
                QuestionnaireVersionId = campaign.QuestionnaireVersionId,
                Channel = channel,
                SubmissionId = Guid.CreateVersion7(new DateTimeOffset(submittedAt)),
                SubmittedAtUtc = submittedAt,
            };
            foreach (var question in questions)
            {
                switch (question.Kind)
                {
                    case QuestionKind.SingleChoice:
                        response.Answers.Add(new SurveyAnswer { QuestionId = question.Id, OptionId = question.Options[random.Next(question.Options.Count)].Id });
                        break;
                    case QuestionKind.SatisfactionScale:
                        response.Answers.Add(new SurveyAnswer { QuestionId = question.Id, OptionId = question.Options.OrderBy(o => o.Order).ElementAt(ScaleIndex(random, satisfiedBias)).Id });
                        break;
                    case QuestionKind.FreeText when random.NextDouble() < 0.22:
                        // Each suggestion at least once per campaign, so the ones the quality team retains always exist.
                        var text = texts < Suggestions.Length ? Suggestions[texts] : Suggestions[random.Next(Suggestions.Length)];
                        texts++;
                        response.Answers.Add(new SurveyAnswer { QuestionId = question.Id, Text = text });
                        break;
                }
            }

            yield return response;
        }
    }

    /// <summary>Index in the scale options (tout à fait, plutôt, plutôt pas, pas du tout, sans avis).</summary>
    private static int ScaleIndex(Random random, double satisfiedBias)
    {
        var roll = random.NextDouble();
        if (roll < 0.05)
        {
            return 4;
        }

        return random.NextDouble() < satisfiedBias ? random.Next(2) : 2 + random.Next(2);
    }

    private static int Pick(Random random, double[] weights)
    {
        var roll = random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            roll -= weights[i];
            if (roll <= 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    private static string FrenchMonth(DateOnly date) =>
        date.ToString("MMMM", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"));
}
