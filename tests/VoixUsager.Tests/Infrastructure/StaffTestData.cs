using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VoixUsager.Accounts;
using VoixUsager.Data;
using VoixUsager.Mystery;
using VoixUsager.Prefectures;

namespace VoixUsager.Tests.Infrastructure;

/// <summary>
/// The story of the mystery-grid issue: Allier's référent evaluates Cantal; Drôme is unrelated. One
/// account per role in each, an administrator, and a running campaign with its scenarios.
/// </summary>
public sealed class StaffTestData
{
    public const string Password = "mot de passe de test 2026";
    public const string AuthenticatorKey = "JBSWY3DPEHPK3PXP";

    public required int AllierId { get; init; }
    public required int CantalId { get; init; }
    public required int DromeId { get; init; }
    public required int CampaignId { get; init; }
    public required int CallScenarioId { get; init; }
    public required int EmailScenarioId { get; init; }
    public required int OtherCallScenarioId { get; init; }

    public static string Email(string role, string prefecture) => $"{role.ToLowerInvariant()}@{prefecture}.test";

    public const string AdminEmail = "admin@national.test";

    /// <summary>A service owner (« Responsable de service ») with the shared test authenticator, as the role requires.</summary>
    public static async Task<AppUser> CreateServiceOwnerAsync(IServiceProvider services, string email, int prefectureId, int? ownerServiceId, string? displayName = null)
    {
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var store = services.GetRequiredService<IUserStore<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName ?? email, PrefectureId = prefectureId, OwnerServiceId = ownerServiceId, LockoutEnabled = true };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Service)).Succeeded);
        await ((IUserAuthenticatorKeyStore<AppUser>)store).SetAuthenticatorKeyAsync(user, AuthenticatorKey, CancellationToken.None);
        await users.UpdateAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        return user;
    }

    public static async Task<StaffTestData> SeedAsync(VoixUsagerAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var store = scope.ServiceProvider.GetRequiredService<IUserStore<AppUser>>();

        var prefectures = new[] { ("03", "Allier", "allier"), ("15", "Cantal", "cantal"), ("26", "Drôme", "drome") }
            .Select(p => new Prefecture
            {
                DepartementCode = p.Item1, Name = p.Item2, DisplayName = $"Préfecture {p.Item2}",
                Sites = [new Site { PublicCode = $"site-{p.Item3}", Name = $"Préfecture {p.Item2}", Kind = SiteKind.Prefecture }],
            })
            .ToArray();
        db.Prefectures.AddRange(prefectures);
        await db.SaveChangesAsync();

        async Task<AppUser> Create(string email, string role, int? prefectureId)
        {
            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email.Split('@')[0], PrefectureId = prefectureId, LockoutEnabled = true };
            Assert.True((await users.CreateAsync(user, Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
            if (role != Roles.Referent)
            {
                await ((IUserAuthenticatorKeyStore<AppUser>)store).SetAuthenticatorKeyAsync(user, AuthenticatorKey, CancellationToken.None);
                await users.UpdateAsync(user);
                await users.SetTwoFactorEnabledAsync(user, true);
            }

            return user;
        }

        await Create(AdminEmail, Roles.Administrateur, null);
        var referents = new Dictionary<string, AppUser>();
        foreach (var prefecture in prefectures)
        {
            var key = prefecture.Sites[0].PublicCode[5..];
            await Create(Email(Roles.Qualite, key), Roles.Qualite, prefecture.Id);
            referents[key] = await Create(Email(Roles.Referent, key), Roles.Referent, prefecture.Id);
        }

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var campaign = new MysteryCampaign
        {
            Name = "Enquêtes mystères Cantal",
            EvaluatedPrefectureId = prefectures[1].Id,
            StartsOn = today.AddDays(-20),
            EndsOn = today.AddDays(20),
            TargetCalls = 2,
            TargetEmails = 1,
            CallGridVersionId = await db.GridVersions.Where(g => g.Key == DefaultGrids.CallKey).Select(g => g.Id).SingleAsync(),
            EmailGridVersionId = await db.GridVersions.Where(g => g.Key == DefaultGrids.EmailKey).Select(g => g.Id).SingleAsync(),
            CreatedAtUtc = DateTime.UtcNow,
            Partners = [new MysteryCampaignPartner { PrefectureId = prefectures[0].Id }],
            Referents = [new MysteryCampaignReferent { UserId = referents["allier"].Id }],
            Scenarios =
            [
                new MysteryScenario { Channel = MysteryChannel.Appel, Question = "Comment renouveler un titre de séjour ?", Target = "Standard", PlannedOn = today.AddDays(-3), AssignedReferentId = referents["allier"].Id },
                new MysteryScenario { Channel = MysteryChannel.Courriel, Question = "Où en est ma demande ?", Target = "pref@cantal.test", PlannedOn = today.AddDays(-10), AssignedReferentId = referents["allier"].Id },
                new MysteryScenario { Channel = MysteryChannel.Appel, Question = "Carte grise d'occasion ?", Target = "Standard", PlannedOn = today.AddDays(-2), AssignedReferentId = referents["allier"].Id },
            ],
        };
        db.MysteryCampaigns.Add(campaign);
        await db.SaveChangesAsync();
        return new StaffTestData
        {
            AllierId = prefectures[0].Id,
            CantalId = prefectures[1].Id,
            DromeId = prefectures[2].Id,
            CampaignId = campaign.Id,
            CallScenarioId = campaign.Scenarios[0].Id,
            EmailScenarioId = campaign.Scenarios[1].Id,
            OtherCallScenarioId = campaign.Scenarios[2].Id,
        };
    }
}
