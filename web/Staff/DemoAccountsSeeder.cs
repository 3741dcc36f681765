using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Accounts;
using VoixUsager.Data;
using VoixUsager.Demo;
using VoixUsager.Mystery;
using VoixUsager.Prefectures;

namespace VoixUsager.Web.Staff;

/// <summary>
/// Demo only (<c>Demo:Seed</c>): one account per role for the Drôme and a référent of the partner
/// préfecture (Ardèche), then the demo's year of activity played as them (<see cref="DemoActivitySeeder"/>). The
/// passwords and the authenticator key are public, in the README: never enable this in production.
/// </summary>
public sealed class DemoAccountsSeeder(AppDbContext db, UserManager<AppUser> users, IUserStore<AppUser> store, DemoActivitySeeder activity, DemoRegisterSeeder registerDemo, ILogger<DemoAccountsSeeder> logger)
{
    public const string Password = "VoixUsager-demo-2026";

    /// <summary>The TOTP key of the demo administrator and quality accounts (base32).</summary>
    public const string AuthenticatorKey = "JBSWY3DPEHPK3PXP";

    public const string AdminEmail = "admin@voixusager.localhost";
    public const string QualiteEmail = "qualite@drome.voixusager.localhost";
    public const string ReferentEmail = "referent@drome.voixusager.localhost";
    public const string PartnerReferentEmail = "referent@ardeche.voixusager.localhost";

    /// <summary>The owner of the Drôme's titles service: sees only that service's cases and actions.</summary>
    public const string ServiceEmail = "titres@drome.voixusager.localhost";

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
        var qualite = await CreateAsync(QualiteEmail, "Dominique Qualité", Roles.Qualite, drome.Id, withAuthenticator: true);
        await CreateAsync(ReferentEmail, "Sacha Référent", Roles.Referent, drome.Id, withAuthenticator: false);
        var partner = await CreateAsync(PartnerReferentEmail, "Alex Référente", Roles.Referent, ardeche.Id, withAuthenticator: false);

        // The year of activity (campaigns, records, CLUs) is played by the core services, as these accounts.
        await activity.SeedAsync(new DemoActors(
            new AuditActor(qualite.Id, qualite.Email!), new AuditActor(partner.Id, partner.Email!), ardeche.Id), cancellationToken);
        var titres = await registerDemo.SeedAsync(drome.Id, new AuditActor(qualite.Id, qualite.Email!), cancellationToken);
        await CreateAsync(ServiceEmail, "Morgan Responsable des titres", Roles.Service, drome.Id, withAuthenticator: true, ownerServiceId: titres);

        logger.LogInformation(VoixUsager.Telemetry.PersonalDataRedaction.Intended, "Demo accounts seeded: {Admin}, {Qualite}, {Referent}, {Partner}, {Service} (password {Password}).",
            AdminEmail, QualiteEmail, ReferentEmail, PartnerReferentEmail, ServiceEmail, Password);
    }

    private async Task<AppUser> CreateAsync(string email, string name, string role, int? prefectureId, bool withAuthenticator, int? ownerServiceId = null)
    {
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, PrefectureId = prefectureId, OwnerServiceId = ownerServiceId, LockoutEnabled = true };
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
