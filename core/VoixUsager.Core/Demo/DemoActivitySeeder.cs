using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using VoixUsager.Calendar;
using VoixUsager.Clu;
using VoixUsager.Data;
using VoixUsager.Jobs;
using VoixUsager.Mystery;
using VoixUsager.Prefectures;
using VoixUsager.Results;
using VoixUsager.Surveys;

namespace VoixUsager.Demo;

/// <summary>The demo's accounts, made by the web host (which owns Identity) before the activity is played.</summary>
public sealed record DemoActors(AuditActor Quality, AuditActor PartnerReferent, int PartnerPrefectureId);

/// <summary>
/// Plays a year of the demo préfecture's life through the real services, each at the moment it would
/// have happened: a mystery campaign planned, its 20 calls and 24 emails entered by the partner's
/// référent and closed; visitors counted; suggestions retained and answered; a past CLU whose summary
/// went out with its snapshot; a coming CLU with its members; a campaign under way. Every page then
/// has something true to show on first run, and every figure agrees with every other.
/// </summary>
public sealed class DemoActivitySeeder(
    AppDbContext db, SurveyResultsService survey, MysteryResultsService mystery, CluSummaryJob cluJob, FranceClock clock, ILogger<DemoActivitySeeder> logger)
{
    /// <summary>The seeds' proportions (a real campaign): 24 emails, 14 answered within 5 working days, 7 late after a reminder, 3 never.</summary>
    public const int ClosedCampaignCalls = 20;
    public const int ClosedCampaignEmails = 24;
    public const int EmailsOnTime = 14;
    public const int EmailsLate = 7;
    public const int EmailsUnanswered = 3;

    public const string ClosedCampaignName = "Enquêtes mystères – Drôme (campagne close)";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private const string ScenarioLines = """
        appel ; Je voudrais savoir comment renouveler mon titre de séjour qui expire dans deux mois. ; Standard de la préfecture – 04 75 79 28 00
        appel ; Quels documents fournir pour la carte grise d'un véhicule d'occasion ? ; Standard de la préfecture – 04 75 79 28 00
        appel ; Mon association veut organiser une manifestation sur la voie publique : à qui m'adresser ? ; Standard de la préfecture – 04 75 79 28 00
        appel ; J'ai perdu mon permis de conduire, que dois-je faire ? ; Standard de la sous-préfecture de Nyons
        appel ; Le point d'accueil numérique peut-il m'aider à faire ma demande de passeport ? ; Standard de la sous-préfecture de Die
        courriel ; Ma demande de titre de séjour est en attente depuis trois mois, pouvez-vous me dire où elle en est ? ; pref-etrangers@drome.gouv.fr
        courriel ; Comment obtenir un rendez-vous pour une naturalisation ? ; pref-naturalisation@drome.gouv.fr
        courriel ; Quelles sont les démarches pour ouvrir une buvette temporaire lors d'une fête de village ? ; pref-reglementation@drome.gouv.fr
        courriel ; Un site me demande 50 € pour ma carte grise, est-ce bien le site officiel ? ; pref-accueil@drome.gouv.fr
        """;

    /// <summary>Suggestions the quality team retained, with what it answered; matched on the start of the usager's text.</summary>
    private static readonly (string Starts, string Response)[] Retained =
    [
        ("Un guichet séparé pour les étrangers", "Un accueil dédié aux titres de séjour, sur rendez-vous, ouvre au rez-de-chaussée ; les autres démarches gardent leurs guichets."),
        ("Prévenir sur votre site que des sites payants", "Un bandeau d'alerte figure désormais en page d'accueil du site de la préfecture, avec le lien vers le site officiel de l'ANTS."),
        ("Un numéro de téléphone direct pour le point d'accueil numérique", "Le numéro direct du point d'accueil numérique est affiché dans le hall et sur le site depuis le mois dernier."),
        ("Ouvrir aussi entre 12h et 14h", "Une ouverture de 12h à 14h le mardi et le jeudi est à l'essai pendant trois mois ; le bilan sera présenté au prochain comité."),
        ("Mieux signaler l'entrée et les guichets", "Une nouvelle signalétique (entrée, numéros de guichets, plan du hall) est commandée et sera posée avant l'été."),
        ("Quelques bonbons à l'accueil", "Adopté : une corbeille est à l'accueil et dans l'espace enfants depuis ce mois-ci."),
    ];

    private static readonly (string Name, string Organisation, string Email, bool ReceivesSummary, string? Function, string? Site)[] Members =
    [
        ("Martine Roux", "UFC-Que Choisir de la Drôme", "ufc-que-choisir@clu.drome.voixusager.localhost", true, "Présidente", null),
        ("Jean-Pierre Faure", "UDAF de la Drôme", "udaf@clu.drome.voixusager.localhost", true, "Administrateur", null),
        ("Nadia Benali", "Déléguée du Défenseur des droits", "defenseur-des-droits@clu.drome.voixusager.localhost", true, "Déléguée", "Die"),
        ("Gérard Chabert", "Association des maires de la Drôme", "maires@clu.drome.voixusager.localhost", true, "Maire de Nyons", "Nyons"),
        ("Sophie Morel", "APF France handicap", "apf@clu.drome.voixusager.localhost", true, "Représentante départementale", null),
        ("Luc Vernet", "CCI de la Drôme", "cci@clu.drome.voixusager.localhost", false, "Chargé de mission", null),
    ];

    /// <summary>The coming CLU's agenda, in the order of the seeds' minutes, each item tied to the figures it presents.</summary>
    private static readonly (string Title, Clu.Documents.CluDocumentPart? Part)[] Agenda =
    [
        ("Accueil et approbation du compte rendu du précédent comité", null),
        ("Suite donnée aux décisions du précédent comité", Clu.Documents.CluDocumentPart.PreviousDecisions),
        ("Chiffres clés de la qualité de l’accueil", Clu.Documents.CluDocumentPart.KeyFigures),
        ("Résultats de l’enquête de satisfaction", Clu.Documents.CluDocumentPart.Survey),
        ("Appels et courriels mystères", Clu.Documents.CluDocumentPart.Mystery),
        ("Suggestions et réclamations des usagers", Clu.Documents.CluDocumentPart.Suggestions),
        ("Plan d’actions", Clu.Documents.CluDocumentPart.Plan),
        ("Questions diverses", null),
    ];

    public async Task SeedAsync(DemoActors actors, CancellationToken cancellationToken = default)
    {
        var drome = await db.Prefectures.Include(p => p.Sites).SingleAsync(p => p.DepartementCode == DemoDataSeeder.DemoDepartement, cancellationToken);
        if (await db.MysteryCampaigns.AnyAsync(c => c.EvaluatedPrefectureId == drome.Id, cancellationToken))
        {
            return;
        }

        var campaigns = await db.SurveyCampaigns.Where(c => c.PrefectureId == drome.Id).OrderBy(c => c.StartsOn).ToListAsync(cancellationToken);
        var previous = campaigns[0];
        var current = campaigns[^1];
        var time = new StoryTime(clock.UtcNow);
        var storyClock = new FranceClock(time);
        var random = new Random(44);

        var closed = await PlayClosedMysteryCampaignAsync(drome, actors, previous, time, storyClock, random, cancellationToken);
        await CountVisitorsAsync(drome, cancellationToken);
        // The CLU meets a month after both the survey campaign and the mystery campaign are over.
        var closedOn = DateOnly.FromDateTime(closed.ClosedAtUtc!.Value);
        var pastMeeting = Weekday((closedOn > previous.EndsOn ? closedOn : previous.EndsOn).AddDays(30), DayOfWeek.Tuesday);
        while (!WorkingDays.IsWorkingDay(pastMeeting, drome.HolidayZone))
        {
            pastMeeting = pastMeeting.AddDays(7);
        }

        await RetainSuggestionsAsync(drome, actors, previous, Retained[..3], FrenchTimeZones.ParisToUtc(pastMeeting.AddDays(-20).ToDateTime(new TimeOnly(15, 0))), cancellationToken);
        var past = await HoldPastCluAsync(drome, actors, previous, closed, pastMeeting, time, storyClock, cancellationToken);
        await RetainSuggestionsAsync(drome, actors, current, Retained[3..], clock.UtcNow, cancellationToken);
        var coming = await PlanComingCluAsync(drome, actors, current, time, storyClock, cancellationToken);
        var running = await PlayRunningMysteryCampaignAsync(drome, actors, time, storyClock, random, cancellationToken);

        logger.LogInformation(
            "Demo activity seeded: closed mystery campaign {Closed}, running campaign {Running}, past CLU {Past} (summary sent), coming CLU {Coming}.",
            closed.Id, running, past, coming);
    }

    /// <summary>Six weeks of calls and emails in the autumn of the previous survey campaign, closed three weeks after its end.</summary>
    private async Task<MysteryCampaign> PlayClosedMysteryCampaignAsync(
        Prefecture drome, DemoActors actors, SurveyCampaign previous, StoryTime time, FranceClock storyClock, Random random, CancellationToken cancellationToken)
    {
        var startsOn = Weekday(previous.StartsOn.AddDays(21), DayOfWeek.Monday);
        var endsOn = startsOn.AddDays(39);
        time.Set(FrenchTimeZones.ParisToUtc(startsOn.AddDays(-10).ToDateTime(new TimeOnly(10, 0))));
        var campaignId = await PlanAsync(ClosedCampaignName, drome, actors, startsOn, endsOn, ClosedCampaignCalls, ClosedCampaignEmails, storyClock, cancellationToken);
        var records = new MysteryRecordService(db, storyClock);
        var scenarios = await db.MysteryScenarios.AsNoTracking().Where(s => s.CampaignId == campaignId).OrderBy(s => s.PlannedOn).ThenBy(s => s.Id).ToListAsync(cancellationToken);
        var callGrid = await CriteriaAsync(DefaultGrids.CallKey, cancellationToken);
        var emailGrid = await CriteriaAsync(DefaultGrids.EmailKey, cancellationToken);

        // Outcomes are dealt like cards, so the proportions are exact whatever the random draws: 17 calls of 20 answered.
        var outcomes = Shuffle(random, [.. Enumerable.Repeat(CallOutcome.Abouti, 17), CallOutcome.PasDeReponse, CallOutcome.Occupe, CallOutcome.Messagerie]);
        var replies = Shuffle(random, [.. Enumerable.Repeat(ReplyDelayClass.WithinDeadline, EmailsOnTime), .. Enumerable.Repeat(ReplyDelayClass.Late, EmailsLate), .. Enumerable.Repeat(ReplyDelayClass.NoReply, EmailsUnanswered)]);
        var calls = scenarios.Where(s => s.Channel == MysteryChannel.Appel).ToList();
        var emails = scenarios.Where(s => s.Channel == MysteryChannel.Courriel).ToList();
        for (var i = 0; i < calls.Count; i++)
        {
            await CallAsync(records, calls[i], outcomes[i], callGrid, actors.PartnerReferent, time, random, cancellationToken);
        }

        for (var i = 0; i < emails.Count; i++)
        {
            await EmailAsync(records, emails[i], replies[i], emailGrid, drome.HolidayZone, actors.PartnerReferent, time, random, cancellationToken);
        }

        // Late replies come in after the last day: the campaign is closed once they are all entered.
        var campaign = await db.MysteryCampaigns.SingleAsync(c => c.Id == campaignId, cancellationToken);
        var closedAt = FrenchTimeZones.ParisToUtc(Weekday(endsOn.AddDays(21), DayOfWeek.Friday).ToDateTime(new TimeOnly(17, 0)));
        campaign.ClosedAtUtc = closedAt;
        db.AuditEntries.Add(Auditing.AuditEntry.Of(closedAt, actors.Quality.UserId, actors.Quality.Email, drome.Id, "campagne-mystere.close",
            nameof(MysteryCampaign), campaign.Id.ToString(Invariant), campaign.Name));
        await db.SaveChangesAsync(cancellationToken);
        return campaign;
    }

    /// <summary>A campaign under way: the calls already due are made, the emails are still to send, so the référent has work.</summary>
    private async Task<int> PlayRunningMysteryCampaignAsync(
        Prefecture drome, DemoActors actors, StoryTime time, FranceClock storyClock, Random random, CancellationToken cancellationToken)
    {
        var today = clock.Today;
        time.Set(FrenchTimeZones.ParisToUtc(today.AddDays(-20).ToDateTime(new TimeOnly(11, 0))));
        var campaignId = await PlanAsync($"Enquêtes mystères {today.Year} – Drôme", drome, actors, today.AddDays(-14), today.AddDays(24), 20, 24, storyClock, cancellationToken);
        var records = new MysteryRecordService(db, storyClock);
        var grid = await CriteriaAsync(DefaultGrids.CallKey, cancellationToken);
        var due = await db.MysteryScenarios.AsNoTracking()
            .Where(s => s.CampaignId == campaignId && s.Channel == MysteryChannel.Appel && s.PlannedOn < today)
            .OrderBy(s => s.PlannedOn).ThenBy(s => s.Id).ToListAsync(cancellationToken);
        foreach (var scenario in due)
        {
            await CallAsync(records, scenario, random.NextDouble() < 0.85 ? CallOutcome.Abouti : CallOutcome.PasDeReponse, grid, actors.PartnerReferent, time, random, cancellationToken);
        }

        time.Set(clock.UtcNow);
        return campaignId;
    }

    private async Task<int> PlanAsync(string name, Prefecture drome, DemoActors actors, DateOnly startsOn, DateOnly endsOn, int calls, int emails, FranceClock storyClock, CancellationToken cancellationToken)
    {
        var planner = new MysteryCampaignPlanner(db, storyClock);
        var result = await planner.CreateAsync(new MysteryCampaignPlanner.CampaignRequest(
            name, drome.Id, [actors.PartnerPrefectureId], startsOn, endsOn, calls, emails, [actors.PartnerReferent.UserId],
            RevealEvaluatorNames: false, ScenarioLines), actors.Quality, cancellationToken);
        return result switch
        {
            MysteryCampaignPlanner.PlanResult.Created created => created.CampaignId,
            MysteryCampaignPlanner.PlanResult.Invalid invalid => throw new InvalidOperationException("Demo mystery campaign refused: " + string.Join(" ", invalid.Errors.Values)),
            _ => throw new InvalidOperationException("Demo mystery campaign: unexpected result."),
        };
    }

    private async Task CallAsync(MysteryRecordService records, MysteryScenario scenario, CallOutcome outcome, IReadOnlyList<GridCriterion> grid,
        AuditActor referent, StoryTime time, Random random, CancellationToken cancellationToken)
    {
        var at = scenario.PlannedOn.ToDateTime(new TimeOnly(9 + random.Next(7), random.Next(60)));
        var answered = outcome == CallOutcome.Abouti;
        var transferred = random.NextDouble() < 0.55;
        var criteria = answered ? grid.ToDictionary(c => $"c{c.Id}", c => (string?)CallAnswer(c, transferred, random)) : [];
        // Entered the same day, an hour after the call.
        time.Set(FrenchTimeZones.ParisToUtc(at.AddHours(1)));
        Check(await records.SaveAsync(scenario.Id, MysteryChannel.Appel, new MysteryRecordInput
        {
            Submit = true,
            At = at.ToString(MysteryRecordService.DateFormat, Invariant),
            Target = scenario.Target,
            Outcome = outcome.ToString(),
            WaitingSeconds = answered ? random.Next(0, 150).ToString(Invariant) : null,
            Comment = answered ? null : outcome switch
            {
                CallOutcome.Occupe => "Ligne occupée à trois reprises en dix minutes.",
                CallOutcome.Messagerie => "Messagerie sans indication d'horaires de rappel.",
                _ => "Aucune réponse après 12 sonneries.",
            },
            Criteria = criteria,
        }, referent, cancellationToken));
    }

    private static string CallAnswer(GridCriterion criterion, bool transferred, Random random)
    {
        string YesNo(double yes) => random.NextDouble() < yes ? "oui" : "non";
        return criterion.Code switch
        {
            DefaultGrids.RingsCode => (random.NextDouble() < 0.8 ? random.Next(1, 6) : random.Next(6, 10)).ToString(Invariant),
            "formule-standard" => YesNo(0.9),
            "service-se-presente" => YesNo(0.65),
            "transfert-annonce" => transferred ? YesNo(0.6) : "so",
            "transfert-abouti" => transferred ? YesNo(0.85) : "so",
            "orientation-sites-officiels" => YesNo(0.75),
            "information-exacte" => YesNo(0.9),
            "information-complete" => YesNo(0.7),
            "prise-de-conge" => YesNo(0.95),
            _ when criterion.Kind == CriterionKind.Echelle4 => (random.NextDouble() < 0.85 ? 3 + random.Next(2) : 2).ToString(Invariant),
            _ when criterion.Kind == CriterionKind.Nombre => random.Next(1, 6).ToString(Invariant),
            _ => YesNo(0.8),
        };
    }

    private async Task EmailAsync(MysteryRecordService records, MysteryScenario scenario, ReplyDelayClass reply, IReadOnlyList<GridCriterion> grid, HolidayZone zone,
        AuditActor referent, StoryTime time, Random random, CancellationToken cancellationToken)
    {
        var sent = scenario.PlannedOn.ToDateTime(new TimeOnly(9 + random.Next(8), random.Next(60)));
        var acknowledged = random.NextDouble() < 0.8 ? sent.AddMinutes(random.Next(1, 20)) : (DateTime?)null;
        // The deadline is counted on the évalué's working days, as the record service counts it.
        var sentDay = DateOnly.FromDateTime(sent);
        DateTime? replied = reply switch
        {
            ReplyDelayClass.WithinDeadline => AtDay(WorkingDays.AddWorkingDays(sentDay, random.Next(0, 5) + (random.NextDouble() < 0.3 ? 1 : 0), zone), random, after: sent),
            ReplyDelayClass.Late => AtDay(WorkingDays.AddWorkingDays(sentDay, 8 + random.Next(5), zone), random, after: sent),
            _ => null,
        };
        DateTime? reminded = reply == ReplyDelayClass.WithinDeadline ? null : AtDay(WorkingDays.AddWorkingDays(sentDay, 6, zone), random, after: sent);
        var criteria = grid.ToDictionary(c => $"c{c.Id}", c => (string?)EmailAnswer(c, acknowledged is not null, replied is not null, reply, random));
        time.Set(FrenchTimeZones.ParisToUtc((replied ?? reminded ?? sent).AddHours(2)));
        if (reply == ReplyDelayClass.NoReply)
        {
            // Still nothing ten working days after the reminder: the référent records it as never answered.
            time.Set(FrenchTimeZones.ParisToUtc(WorkingDays.AddWorkingDays(DateOnly.FromDateTime(reminded!.Value), 10, zone).ToDateTime(new TimeOnly(10, 0))));
        }

        Check(await records.SaveAsync(scenario.Id, MysteryChannel.Courriel, new MysteryRecordInput
        {
            Submit = true,
            At = sent.ToString(MysteryRecordService.DateFormat, Invariant),
            Target = scenario.Target,
            AcknowledgedAt = acknowledged?.ToString(MysteryRecordService.DateFormat, Invariant),
            RepliedAt = replied?.ToString(MysteryRecordService.DateFormat, Invariant),
            ReminderSentAt = reminded?.ToString(MysteryRecordService.DateFormat, Invariant),
            Comment = reply switch
            {
                ReplyDelayClass.Late => "Réponse reçue après relance.",
                ReplyDelayClass.NoReply => "Aucune réponse malgré la relance.",
                _ => null,
            },
            Criteria = criteria,
        }, referent, cancellationToken));
    }

    private static string? EmailAnswer(GridCriterion criterion, bool acknowledged, bool replied, ReplyDelayClass reply, Random random)
    {
        string YesNo(double yes) => random.NextDouble() < yes ? "oui" : "non";
        return criterion.Code switch
        {
            "accuse-reception" => acknowledged ? "oui" : "non",
            "accuse-service-delais" => acknowledged ? YesNo(0.6) : "so",
            "delai-annonce-respecte" => acknowledged ? (reply == ReplyDelayClass.WithinDeadline ? "oui" : "non") : "so",
            // With no reply there is no content to score.
            _ when !replied => criterion.Kind == CriterionKind.OuiNon ? "so" : null,
            "reponse-precise" => YesNo(0.75),
            "liens-complets" => YesNo(0.8),
            "pieces-jointes-mentionnees" => random.NextDouble() < 0.5 ? "so" : YesNo(0.7),
            "formulaire-joint" => random.NextDouble() < 0.4 ? "so" : YesNo(0.65),
            "signature-complete" => YesNo(0.7),
            "formule-politesse" => YesNo(0.95),
            _ when criterion.Kind == CriterionKind.Echelle4 => (random.NextDouble() < 0.8 ? 3 + random.Next(2) : 2).ToString(Invariant),
            _ => YesNo(0.8),
        };
    }

    /// <summary>Monthly visitors of each site over the last fifteen months: ~1,600 at the préfecture, a few hundred elsewhere.</summary>
    private async Task CountVisitorsAsync(Prefecture drome, CancellationToken cancellationToken)
    {
        var random = new Random(15);
        var thisMonth = new DateOnly(clock.Today.Year, clock.Today.Month, 1);
        foreach (var site in drome.Sites)
        {
            var baseline = site.Kind switch
            {
                SiteKind.Prefecture => 1600,
                SiteKind.SousPrefecture => site.PublicCode.Contains("die", StringComparison.Ordinal) ? 240 : 410,
                _ => 320,
            };
            for (var month = thisMonth.AddMonths(-15); month < thisMonth; month = month.AddMonths(1))
            {
                // Summer is quieter in the halls, September and January busier.
                var season = month.Month switch { 8 => 0.7, 7 => 0.85, 9 or 1 => 1.15, _ => 1.0 };
                db.SiteMonthlyVisitors.Add(new SiteMonthlyVisitors { SiteId = site.Id, Month = month, Visitors = (int)Math.Round(baseline * season * (0.9 + (random.NextDouble() * 0.2))) });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The quality team retains the first answer of each given suggestion in the campaign, and answers it.</summary>
    private async Task RetainSuggestionsAsync(Prefecture drome, DemoActors actors, SurveyCampaign campaign, (string Starts, string Response)[] retained, DateTime reviewedAtUtc, CancellationToken cancellationToken)
    {
        var answers = await db.SurveyAnswers.AsNoTracking()
            .Where(a => a.Response.CampaignId == campaign.Id && a.Text != null && a.Response.SubmittedAtUtc <= reviewedAtUtc)
            .OrderBy(a => a.Response.SubmittedAtUtc).ThenBy(a => a.Id)
            .Select(a => new { a.Id, Text = a.Text! })
            .ToListAsync(cancellationToken);
        foreach (var (starts, response) in retained)
        {
            if (answers.FirstOrDefault(a => a.Text.StartsWith(starts, StringComparison.Ordinal)) is { } answer)
            {
                db.SuggestionReviews.Add(new SuggestionReview { AnswerId = answer.Id, RetainedForClu = true, Response = response, ReviewedByUserId = actors.Quality.UserId, ReviewedAtUtc = reviewedAtUtc });
                db.AuditEntries.Add(Auditing.AuditEntry.Of(reviewedAtUtc, actors.Quality.UserId, actors.Quality.Email, drome.Id, "suggestion.retenue", "SurveyAnswer", answer.Id.ToString(Invariant), response));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The CLU that met after the closed campaign: its summary went out on the due day, the figures frozen
    /// then by the snapshot service, one delivery per recipient the summary job would have chosen.
    /// </summary>
    private async Task<int> HoldPastCluAsync(Prefecture drome, DemoActors actors, SurveyCampaign previous, MysteryCampaign closed, DateOnly meetingOn,
        StoryTime time, FranceClock storyClock, CancellationToken cancellationToken)
    {
        // Planned two months ahead by the quality team, through the same rules as the CLU page.
        time.Set(FrenchTimeZones.ParisToUtc(meetingOn.AddDays(-60).ToDateTime(new TimeOnly(14, 0))));
        var cluId = await PlanCluAsync(drome, actors, new CluInput
        {
            MeetingOn = meetingOn.ToString("yyyy-MM-dd", Invariant),
            Place = "Préfecture de la Drôme, salle Marianne, Valence",
            SurveyCampaignId = previous.Id,
            MysteryCampaignId = closed.Id,
        }, storyClock, cancellationToken);
        var clu = await db.CluMeetings.Include(c => c.Members).SingleAsync(c => c.Id == cluId, cancellationToken);

        var cutoff = FrenchTimeZones.ParisToUtc(clu.SummaryDueOn.ToDateTime(new TimeOnly(6, 0)));
        time.Set(cutoff);
        var snapshots = new SnapshotService(db, survey, mystery, new IndicatorService(db, survey, mystery, storyClock), storyClock);
        var snapshot = await snapshots.CreateAsync(drome.Id, cutoff, CluSummaryJob.SnapshotAuthor, cancellationToken, clu.SurveyCampaignId, clu.MysteryCampaignId);
        clu.SnapshotId = snapshot.Id;
        var recipients = await cluJob.RecipientsAsync(clu, cancellationToken);
        for (var i = 0; i < recipients.Count; i++)
        {
            var sentAt = cutoff.AddSeconds(5 + (i * 3));
            clu.Deliveries.Add(new CluDelivery
            {
                RecipientEmail = recipients[i].Address,
                RecipientName = recipients[i].Name,
                Status = DeliveryStatus.Envoye,
                MessageId = $"<clu-{clu.Id}-{i + 1}.{sentAt:yyyyMMddHHmmss}@voixusager.localhost>",
                SentAtUtc = sentAt,
                Attempts = 1,
                UpdatedAtUtc = sentAt,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        time.Set(clock.UtcNow);
        return clu.Id;
    }

    /// <summary>The next CLU, six weeks ahead, planned three days ago: its members are known, its summary not yet due.</summary>
    private async Task<int> PlanComingCluAsync(Prefecture drome, DemoActors actors, SurveyCampaign current, StoryTime time, FranceClock storyClock, CancellationToken cancellationToken)
    {
        time.Set(clock.UtcNow.AddDays(-3));
        var cluId = await PlanCluAsync(drome, actors, new CluInput
        {
            MeetingOn = Weekday(clock.Today.AddDays(42), DayOfWeek.Thursday).ToString("yyyy-MM-dd", Invariant),
            Place = "Préfecture de la Drôme, salle Marianne, Valence (et en visioconférence avec Die et Nyons)",
            SurveyCampaignId = current.Id,
        }, storyClock, cancellationToken);

        // Its time and agenda are set, and a few members already answered the team by phone.
        var kit = new CluMeetingKitService(db, storyClock);
        Done(await kit.UpdateScheduleAsync(cluId, new CluScheduleInput { StartsAt = "14:00", DurationMinutes = "120" }, actors.Quality, cancellationToken), "CLU schedule");
        foreach (var (title, part) in Agenda)
        {
            Done(await kit.AddAgendaItemAsync(cluId, new CluAgendaInput { AgendaTitle = title, AgendaSection = part?.ToString() ?? "" }, actors.Quality, cancellationToken), "CLU agenda item");
        }

        var members = await db.CluMembers.Where(m => m.CluMeetingId == cluId).ToDictionaryAsync(m => m.Name, m => m.Id, cancellationToken);
        foreach (var (name, attendance, representedBy) in new[] { ("Martine Roux", CluAttendance.Present, ""), ("Gérard Chabert", CluAttendance.Represente, "Anne Puy, adjointe au maire"), ("Luc Vernet", CluAttendance.Excuse, "") })
        {
            Done(await kit.SetAttendanceAsync(cluId, members[name], new CluAttendanceInput { Attendance = attendance.ToString(), RepresentedBy = representedBy }, actors.Quality, cancellationToken), "CLU answer");
        }

        time.Set(clock.UtcNow);
        return cluId;
    }

    /// <summary>A CLU and its members, created by the quality team through <see cref="CluService"/>, with their audit entries.</summary>
    private async Task<int> PlanCluAsync(Prefecture drome, DemoActors actors, CluInput input, FranceClock storyClock, CancellationToken cancellationToken)
    {
        var clus = new CluService(db, storyClock);
        var cluId = Done(await clus.CreateAsync(drome.Id, input, actors.Quality, cancellationToken), "CLU");
        foreach (var member in Members)
        {
            Done(await clus.AddMemberAsync(cluId, new CluMemberInput
            {
                MemberName = member.Name, MemberOrganisation = member.Organisation, MemberEmail = member.Email, MemberReceivesSummary = member.ReceivesSummary,
                MemberFunction = member.Function, MemberSite = member.Site,
            }, actors.Quality, cancellationToken), "CLU member");
        }

        return cluId;
    }

    private static int Done(ChangeResult result, string what) => result switch
    {
        ChangeResult.Done done => done.Id,
        ChangeResult.Invalid invalid => throw new InvalidOperationException($"Demo {what} refused: " + string.Join(" ", invalid.Errors.Values)),
        _ => throw new InvalidOperationException($"Demo {what}: {result.GetType().Name}."),
    };

    private async Task<IReadOnlyList<GridCriterion>> CriteriaAsync(string key, CancellationToken cancellationToken)
    {
        var gridId = await db.GridVersions.Where(g => g.Key == key).OrderByDescending(g => g.VersionNumber).Select(g => g.Id).FirstAsync(cancellationToken);
        return await db.GridCriteria.AsNoTracking().Where(c => c.GridVersionId == gridId).OrderBy(c => c.Order).ToListAsync(cancellationToken);
    }

    private static DateTime AtDay(DateOnly day, Random random, DateTime after)
    {
        var at = day.ToDateTime(new TimeOnly(9 + random.Next(8), random.Next(60)));
        return at > after ? at : after.AddMinutes(30 + random.Next(90));
    }

    /// <summary>The first <paramref name="day"/> on or after <paramref name="from"/>.</summary>
    private static DateOnly Weekday(DateOnly from, DayOfWeek day) => from.AddDays(((int)day - (int)from.DayOfWeek + 7) % 7);

    private static List<T> Shuffle<T>(Random random, List<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }

        return items;
    }

    private static void Check(MysterySaveResult result)
    {
        if (result is not MysterySaveResult.Saved { Status: RecordStatus.Soumis })
        {
            var detail = result is MysterySaveResult.Invalid invalid ? string.Join(" ", invalid.Errors.Select(e => $"{e.Key}: {e.Value}")) : result.GetType().Name;
            throw new InvalidOperationException("Demo mystery record refused: " + detail);
        }
    }

    /// <summary>The demo's own clock, moved forward as the story goes, so each service stamps what it does with the day it happened.</summary>
    private sealed class StoryTime(DateTime utcNow) : TimeProvider
    {
        private DateTimeOffset _now = new(utcNow, TimeSpan.Zero);

        public void Set(DateTime utc) => _now = new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc));

        public override DateTimeOffset GetUtcNow() => _now;
    }
}
