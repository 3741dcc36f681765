using System.Globalization;
using Microsoft.EntityFrameworkCore;
using VoixUsager.ActionPlan;
using VoixUsager.Data;
using VoixUsager.Register;

namespace VoixUsager.Demo;

/// <summary>
/// Demo only: the Drôme's services, a few suggestions and complaints at every step (one late, one
/// answered) and a plan of actions, one of them engaged from a complaint. Everything goes through the
/// register and plan services as the quality team, so the journal, deadlines and links are the real ones.
/// </summary>
public sealed class DemoRegisterSeeder(AppDbContext db, OwnerServiceAdministration services, RegisterService register, ActionPlanService plan, ActionFromOrigin fromOrigin, FranceClock clock)
{
    public const string TitresService = "Bureau des titres et de l’immigration";

    public const string AccueilService = "Accueil général et point numérique";

    /// <summary>The complaint past its answer deadline, which an action was engaged from.</summary>
    public const string LateComplaint = "Trois heures d’attente debout au guichet des titres de séjour, sans ticket ni information sur le délai.";

    public const string AnsweredSuggestion = "Afficher à l’entrée les horaires du point d’accueil numérique et les pièces à apporter.";

    /// <summary>Creates the services, cases and actions; returns the titles service (for its owner's demo account).</summary>
    public async Task<int> SeedAsync(int prefectureId, Mystery.AuditActor quality, CancellationToken cancellationToken = default)
    {
        if (await db.RegisterCases.AnyAsync(c => c.PrefectureId == prefectureId, cancellationToken))
        {
            return await db.OwnerServices.Where(s => s.PrefectureId == prefectureId && s.Name == TitresService).Select(s => s.Id).SingleAsync(cancellationToken);
        }

        var titres = Id(await services.CreateAsync(prefectureId, new OwnerServiceInput { ServiceName = TitresService }, quality, cancellationToken));
        var accueil = Id(await services.CreateAsync(prefectureId, new OwnerServiceInput { ServiceName = AccueilService }, quality, cancellationToken));
        var actor = new RegisterActor(quality.UserId!, quality.Email!, prefectureId, null);
        var today = clock.Today;

        async Task<int> RecordAsync(CaseKind kind, CaseSubject subject, CaseChannel channel, int daysAgo, string text, int? service, string? contactEmail = null)
        {
            var input = new StaffCaseInput
            {
                Kind = kind, Subject = subject, Channel = channel, Text = text,
                ReceivedOn = today.AddDays(-daysAgo).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
                WantsAnswer = contactEmail is not null, ContactName = contactEmail is null ? null : "Claude Martin", ContactEmail = contactEmail,
            };
            var id = Id(await register.RecordAsync(actor, input, null, cancellationToken));
            if (service is not null)
            {
                Id(await register.AssignAsync(actor, id, service, cancellationToken));
            }

            return id;
        }

        // Late: received two months ago, acknowledged, still unanswered.
        var late = await RecordAsync(CaseKind.Reclamation, CaseSubject.Attente, CaseChannel.FicheUrne, 60, LateComplaint, titres);
        Id(await register.AcknowledgeAsync(actor, late, cancellationToken));
        // Answered by post.
        var answered = await RecordAsync(CaseKind.Suggestion, CaseSubject.PointAccueilNumerique, CaseChannel.Courrier, 20, AnsweredSuggestion, accueil);
        Id(await register.AnswerAsync(actor, answered, new AnswerInput { AnswerMode = AnswerMode.Courrier, AnswerText = "Merci : l’affiche est posée depuis le 1er du mois, à l’entrée et près des bornes." }, cancellationToken));
        // Open and on time, each at its own step and from its own channel.
        await RecordAsync(CaseKind.Reclamation, CaseSubject.Telephone, CaseChannel.Courriel, 3, "Le standard ne répond jamais entre 12 h et 14 h, même pour une question simple.", accueil, "claude.martin@exemple.fr");
        Id(await register.SubmitPublicAsync(prefectureId, new PublicCaseInput
        {
            Kind = CaseKind.Suggestion, Subject = CaseSubject.Signaletique, Text = "Un fléchage vers le guichet des cartes grises depuis le parking serait bienvenu.",
        }, null, cancellationToken));
        var closed = await RecordAsync(CaseKind.Reclamation, CaseSubject.Autre, CaseChannel.Telephone, 10, "Contestation d’un refus de titre de séjour.", titres);
        Id(await register.CloseAsync(actor, closed, new CloseInput { ClosedReason = "Hors champ : recours contre une décision, orienté vers les voies de recours." }, cancellationToken));

        // The plan: an action engaged from the late complaint, moved forward, and three others.
        var fromComplaint = Id(await fromOrigin.FromCaseAsync(actor, late, cancellationToken));
        Id(await plan.ChangeStatusAsync(actor, fromComplaint, ActionStatus.InProgress, null, cancellationToken));
        Id(await plan.AddNoteAsync(actor, fromComplaint, "Distributeur de tickets commandé ; affichage du temps d’attente prévu le mois prochain.", cancellationToken));
        (string Title, int? Module, int? Service, int DueInDays, ActionStatus Status)[] actions =
        [
            ("Publier les horaires du point d’accueil numérique sur le site et à l’entrée", 1, accueil, -15, ActionStatus.Done),
            ("Réduire le temps d’attente au guichet des titres de séjour sous 30 minutes", 3, titres, -5, ActionStatus.InProgress),
            ("Former l’équipe du standard à la prise de message quand le service est fermé", 1, accueil, 45, ActionStatus.ToDo),
        ];
        foreach (var (title, module, service, due, status) in actions)
        {
            var id = Id(await plan.CreateAsync(actor, new ActionInput { Title = title, ModuleId = module, OwnerServiceId = service, DueDate = today.AddDays(due) }, ActionOrigin.Free, null, cancellationToken));
            if (status != ActionStatus.ToDo)
            {
                Id(await plan.ChangeStatusAsync(actor, id, status, null, cancellationToken));
            }
        }

        return titres;
    }

    private static int Id(ChangeResult result) => result is ChangeResult.Done done
        ? done.Id
        : throw new InvalidOperationException("Demo register: " + result);
}
