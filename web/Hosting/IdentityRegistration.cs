using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using VoixUsager.Accounts;
using VoixUsager.Data;
using VoixUsager.Web.Staff;

namespace VoixUsager.Web.Hosting;

public static class IdentityRegistration
{
    public const string PrefectureClaim = "voixusager:prefecture";

    /// <summary>The one service a service owner acts for.</summary>
    public const string OwnerServiceClaim = "voixusager:service";

    public static IServiceCollection AddVoixUsagerIdentity(this IServiceCollection services)
    {
        services.AddIdentity<AppUser, IdentityRole>(options =>
            {
                // Length rather than character classes, as ANSSI recommends for passwords.
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<StaffClaimsPrincipalFactory>()
            .AddErrorDescriber<FrenchIdentityErrorDescriber>();

        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(2));
        // Checked on every request: a password change or a reset signs the account out everywhere at once.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        services.Replace(ServiceDescriptor.Scoped<ISecurityStampValidator, StampCheckedEveryRequest>());
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "voixusager-session";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.LoginPath = "/connexion";
            options.LogoutPath = "/compte/deconnexion";
            // The security stamp is checked against the database on every request. When the database is
            // down that check cannot be made: the request goes on with the cookie's identity, marked
            // unverified, and SessionCheck answers it with the outage (503) before any page runs, while the
            // error page, re-executed for the same request, renders normally. The cookie is kept: the
            // session resumes when the database is back.
            var validatePrincipal = options.Events.OnValidatePrincipal;
            options.Events.OnValidatePrincipal = async context =>
            {
                try
                {
                    await validatePrincipal(context);
                }
                catch (Exception exception) when (DatabaseOutage.Is(exception))
                {
                    SessionCheck.MarkUnverified(context.HttpContext, exception);
                }
            };
            options.Events.OnRedirectToAccessDenied = context =>
            {
                // A real 403 with the French error page, not a redirect to a page that says it.
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "voixusager-antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
            // Antiforgery's default is never Secure; behind HTTPS it must be, like the session cookie.
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Staff, p => p.RequireAuthenticatedUser())
            .AddPolicy(Policies.Administrateur, p => p.RequireRole(Roles.Administrateur))
            .AddPolicy(Policies.Qualite, p => p.RequireRole(Roles.Qualite).RequireClaim(PrefectureClaim))
            .AddPolicy(Policies.Referent, p => p.RequireRole(Roles.Referent).RequireClaim(PrefectureClaim))
            .AddPolicy(Policies.Resultats, p => p.RequireRole(Roles.Qualite, Roles.Administrateur))
            .AddPolicy(Policies.Registre, p => p.RequireRole(Roles.Qualite, Roles.Service).RequireClaim(PrefectureClaim)
                .RequireAssertion(c => c.User.IsInRole(Roles.Qualite) || c.User.HasClaim(claim => claim.Type == OwnerServiceClaim)));

        services.AddScoped<StaffUser>();
        services.AddScoped<InvitationService>();
        services.AddSingleton<EmailLinks>();
        return services;
    }
}

public static class Policies
{
    public const string Staff = "Personnel";
    public const string Administrateur = "Administrateur";
    public const string Qualite = "Qualite";
    public const string Referent = "Referent";

    /// <summary>A quality team for its préfecture, an administrator for any.</summary>
    public const string Resultats = "Resultats";

    /// <summary>
    /// The register of suggestions and complaints and the action plan: the quality team for all of its
    /// préfecture's, a service owner for their service's only (the pages narrow it with <see cref="Staff.StaffUser.RegisterActor"/>).
    /// </summary>
    public const string Registre = "Registre";
}

/// <summary>
/// Identity's security stamp check, made on every request, without rebuilding the session's identity
/// from the database each time. Identity's validator, once the stamp matches, reads the user's roles, role
/// claims and claims again (four more queries) and sends a new session cookie with every response: on
/// the dashboards, where a view is a page and three charts, that was most of the database round trips of a
/// view served from the cache. The stamp alone decides: what changes a session's rights (a password
/// change or reset, the second factor turned on or off, a sign-out everywhere) changes the stamp, and the
/// next request of every other session of the account is refused. Roles and préfecture are set when an
/// account is created and no page changes them; one that does must update the stamp
/// (<c>UserManager.UpdateSecurityStampAsync</c>). The cookie still slides as configured.
/// </summary>
public sealed class StampCheckedEveryRequest(
    IOptions<SecurityStampValidatorOptions> options, SignInManager<AppUser> signInManager, ILoggerFactory logger)
    : SecurityStampValidator<AppUser>(options, signInManager, logger)
{
    protected override Task SecurityStampVerified(AppUser user, CookieValidatePrincipalContext context) => Task.CompletedTask;
}

/// <summary>Puts the user's préfecture in the sign-in cookie, so authorisation needs no extra query.</summary>
public sealed class StaffClaimsPrincipalFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.PrefectureId is { } prefectureId)
        {
            identity.AddClaim(new Claim(IdentityRegistration.PrefectureClaim, prefectureId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (user.OwnerServiceId is { } serviceId)
        {
            identity.AddClaim(new Claim(IdentityRegistration.OwnerServiceClaim, serviceId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (!string.IsNullOrEmpty(user.DisplayName))
        {
            identity.AddClaim(new Claim(ClaimTypes.GivenName, user.DisplayName));
        }

        return identity;
    }
}
