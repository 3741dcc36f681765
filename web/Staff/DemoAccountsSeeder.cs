using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Accounts;
using VoixUsager.Calendar;
using VoixUsager.Data;
using VoixUsager.Demo;
using VoixUsager.Mystery;
using VoixUsager.Prefectures;

namespace VoixUsager.Web.Staff;

/// <summary>
/// Demo only (<c>Demo:Seed</c>): one account per role for the Drôme, a référent of the partner
/// préfecture (Ardèche) and a running mystery campaign in which Ardèche evaluates the Drôme. The
/// passwords and the authenticator key are public, in the README: never enable this in production.
/// </summary>
public sealed class DemoAccountsSeeder(AppDbContext db, UserManager<AppUser> users, IUserStore<AppUser> store, MysteryRecordService records, FranceClock clock, ILogger<DemoAccountsSeeder> logger)
{
    public const string Password = "VoixUsager-demo-2026";

    /// <summary>The TOTP key of the demo administrator and quality accounts (base32).</summary>
    public const string AuthenticatorKey = "JBSWY3DPEHPK3PXP";

    public const string AdminEmail = "admin@voixusager.localhost";
    public const string QualiteEmail = "qualite@drome.voixusager.localhost";
    public const string ReferentEmail = "referent@drome.voixusager.localhost";
    public const string PartnerReferentEmail = "referent@ardeche.voixusager.localhost";

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await users.FindByEmailAsync(AdminEmail) is not null)
        {
            return;
        }

        var drome = await db.Prefectures.SingleAsync(p => p.DepartementCode == DemoDataSeeder.DemoDepartement, cancellationToken);
        var ardeche = await db.Prefectures.SingleOrDefaultAsync(p => p.DepartementCode == "07", cancellationToken);
        if (ardeche is null)
        {
            ardeche = new Prefecture
            {
                DepartementCode = "07",
                Name = "Ardèche",
                DisplayName = "Préfecture de l'Ardèche",
                Sites = [new Site { PublicCode = "ardeche-privas", Name = "Préfecture de l'Ardèche (Privas)", Kind = SiteKind.Prefecture }],
            };
            db.Prefectures.Add(ardeche);
            await db.SaveChangesAsync(cancellationToken);
        }

        await CreateAsync(AdminEmail, "Camille Administratrice", Roles.Administrateur, null, withAuthenticator: true);
        await CreateAsync(QualiteEmail, "Dominique Qualité", Roles.Qualite, drome.Id, withAuthenticator: true);
        await CreateAsync(ReferentEmail, "Sacha Référent", Roles.Referent, drome.Id, withAuthenticator: false);
        var partner = await CreateAsync(PartnerReferentEmail, "Alex Référente", Roles.Referent, ardeche.Id, withAuthenticator: false);

        var today = clock.Today;
        var types = MysteryCampaignPlanner.ParseScenarioLines(DemoScenarios, []);
        var campaign = new MysteryCampaign
        {
            Name = $"Enquêtes mystères {today.Year} – Drôme",
            EvaluatedPrefectureId = drome.Id,
            StartsOn = today.AddDays(-14),
            EndsOn = today.AddDays(24),
            TargetCalls = 20,
            TargetEmails = 24,
            CallGridVersionId = await db.GridVersions.Where(g => g.Key == DefaultGrids.CallKey).Select(g => g.Id).FirstAsync(cancellationToken),
            EmailGridVersionId = await db.GridVersions.Where(g => g.Key == DefaultGrids.EmailKey).Select(g => g.Id).FirstAsync(cancellationToken),
            CreatedAtUtc = clock.UtcNow,
            Partners = [new MysteryCampaignPartner { PrefectureId = ardeche.Id }],
            Referents = [new MysteryCampaignReferent { UserId = partner.Id }],
        };
        campaign.Scenarios.AddRange(MysteryCampaignPlanner.Spread(types, MysteryChannel.Appel, 20, [partner.Id], campaign.StartsOn, campaign.EndsOn, drome.HolidayZone));
        campaign.Scenarios.AddRange(MysteryCampaignPlanner.Spread(types, MysteryChannel.Courriel, 24, [partner.Id], campaign.StartsOn, campaign.EndsOn, drome.HolidayZone));
        db.MysteryCampaigns.Add(campaign);
        await db.SaveChangesAsync(cancellationToken);

        // The calls already due are made, so the progress page has something to show.
        var grid = await db.GridCriteria.AsNoTracking().Where(c => c.GridVersionId == campaign.CallGridVersionId).ToListAsync(cancellationToken);
        var random = new Random(7);
        foreach (var scenario in campaign.Scenarios.Where(s => s.Channel == MysteryChannel.Appel && s.PlannedOn < today))
        {
            var at = scenario.PlannedOn.ToDateTime(new TimeOnly(9 + random.Next(7), random.Next(60)));
            var answered = random.NextDouble() < 0.85;
            var criteria = answered
                ? grid.ToDictionary(c => $"c{c.Id}", c => (string?)(c.Kind switch
                {
                    CriterionKind.Nombre => random.Next(1, 9).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    CriterionKind.Echelle4 => random.Next(2, 5).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    _ => c.Code.StartsWith("transfert", StringComparison.Ordinal) && random.NextDouble() < 0.5 ? "so" : random.NextDouble() < 0.8 ? "oui" : "non",
                }))
                : [];
            await records.SaveAsync(scenario.Id, MysteryChannel.Appel, new MysteryRecordInput
            {
                Submit = true,
                At = at.ToString(MysteryRecordService.DateFormat, System.Globalization.CultureInfo.InvariantCulture),
                Target = scenario.Target,
                Outcome = (answered ? CallOutcome.Abouti : CallOutcome.PasDeReponse).ToString(),
                WaitingSeconds = answered ? random.Next(0, 90).ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
                Criteria = criteria,
            }, new AuditActor(partner.Id, partner.Email!), cancellationToken);
        }

        logger.LogInformation("Demo accounts seeded: {Admin}, {Qualite}, {Referent}, {Partner} (password {Password}).",
            AdminEmail, QualiteEmail, ReferentEmail, PartnerReferentEmail, Password);
    }

    private const string DemoScenarios = """
        appel ; Je voudrais savoir comment renouveler mon titre de séjour qui expire dans deux mois. ; Standard de la préfecture – 04 75 79 28 00
        appel ; Quels documents fournir pour la carte grise d'un véhicule d'occasion ? ; Standard de la préfecture – 04 75 79 28 00
        appel ; Mon association veut organiser une manifestation sur la voie publique : à qui m'adresser ? ; Standard de la préfecture – 04 75 79 28 00
        appel ; J'ai perdu mon permis de conduire, que dois-je faire ? ; Standard de la sous-préfecture de Nyons
        courriel ; Ma demande de titre de séjour est en attente depuis trois mois, pouvez-vous me dire où elle en est ? ; pref-etrangers@drome.gouv.fr
        courriel ; Comment obtenir un rendez-vous pour une naturalisation ? ; pref-naturalisation@drome.gouv.fr
        courriel ; Quelles sont les démarches pour ouvrir une buvette temporaire lors d'une fête de village ? ; pref-reglementation@drome.gouv.fr
        """;

    private async Task<AppUser> CreateAsync(string email, string name, string role, int? prefectureId, bool withAuthenticator)
    {
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, PrefectureId = prefectureId, LockoutEnabled = true };
        Check(await users.CreateAsync(user, Password));
        Check(await users.AddToRoleAsync(user, role));
        if (withAuthenticator)
        {
            await ((IUserAuthenticatorKeyStore<AppUser>)store).SetAuthenticatorKeyAsync(user, AuthenticatorKey, CancellationToken.None);
            Check(await users.UpdateAsync(user));
            Check(await users.SetTwoFactorEnabledAsync(user, true));
        }

        return user;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Demo account: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
