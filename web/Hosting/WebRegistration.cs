using System.Text.Encodings.Web;
using System.Text.Unicode;
using Hangfire;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using VoixUsager.Jobs;
using Microsoft.Extensions.WebEncoders;
using VoixUsager.Data;
using VoixUsager.Demo;
using VoixUsager.Questionnaires;
using VoixUsager.Email;
using VoixUsager.Web.Staff;
using VoixUsager.Telemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace VoixUsager.Web.Hosting;

public static class WebRegistration
{
    public static WebApplicationBuilder AddVoixUsagerWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddVoixUsagerDatabase();
        services.AddSurveyServices();
        services.AddSurveyResponseWriter();
        services.AddMysteryServices();
        services.AddResultsServices();
        services.AddJobs();
        services.AddVoixUsagerHangfire(builder.Configuration, runServer: false);
        services.AddVoixUsagerDataProtection();
        services.AddEmail();
        services.AddHttpContextAccessor();
        services.AddVoixUsagerIdentity();
        services.Configure<RouteOptions>(o => o.LowercaseUrls = true);
        services.AddScoped<DemoDataSeeder>();
        services.AddScoped<DemoAccountsSeeder>();
        services.AddScoped<DemoActivitySeeder>();
        services.AddScoped<DemoRegisterSeeder>();
        services.AddOptions<BootstrapOptions>().BindConfiguration(BootstrapOptions.Section);
        services.AddOptions<ReverseProxyOptions>().BindConfiguration(ReverseProxyOptions.Section)
            .Validate(o => o.KnownNetworks.All(n => System.Net.IPNetwork.TryParse(n, out _)), "ReverseProxy:KnownNetworks attend des réseaux au format CIDR, par exemple 10.0.0.0/24.")
            .ValidateOnStart();
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section).ValidateOnStart();

        services.AddRazorPages(options =>
        {
            options.Conventions.AddPageRoute("/Erreur/Index", "erreur/{code:int}");
            options.Conventions.AuthorizeFolder("/Espace", Policies.Staff);
            options.Conventions.AuthorizeFolder("/Compte", Policies.Staff);
            options.Conventions.AllowAnonymousToPage("/Compte/Deconnexion");
            options.Conventions.AuthorizeFolder("/Administration", Policies.Administrateur);
            options.Conventions.AuthorizeFolder("/Qualite", Policies.Qualite);
            options.Conventions.AuthorizeFolder("/Referent", Policies.Referent);
            options.Conventions.AuthorizeFolder("/Resultats", Policies.Resultats);
            options.Conventions.AuthorizeFolder("/Registre", Policies.Registre);
        }).AddMvcOptions(options => options.Filters.Add<Staff.TwoFactorRequirement>());
        // French pages are written as UTF-8 text, not as &#233; entities.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddRequestBodyLimit();
        services.AddPublicPageCompression();
        services.AddSingleton<Pages.Avis.SurveyFormCache>();
        services.AddSurveyRateLimiting();
        // Each dependency apart, so /health says which one is down.
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<HangfireHealthCheck>("hangfire")
            .AddCheck<SmtpHealthCheck>("smtp")
            .AddCheck<DiskHealthCheck>("disk");
        services.AddProblemDetails();
        services.AddVoixUsagerTelemetry(builder.Configuration, builder.Logging, "VoixUsager.Web",
            metrics => metrics.AddAspNetCoreInstrumentation().AddPrometheusExporter(),
            traces => traces.AddAspNetCoreInstrumentation());
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ReverseProxyOptions>>((options, proxy) =>
        {
            // Only the proxies on loopback are trusted by default: the client address a load balancer
            // forwards is believed only from the networks declared in ReverseProxy:KnownNetworks.
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var network in proxy.Value.KnownNetworks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return builder;
    }

    /// <summary>Applies migrations, creates the reference data, and seeds the demo when asked to.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await DatabaseMigrator.MigrateAsync(app.Services);
        // The key ring is made now, before the first request: left to the first requests, several at once
        // (the sign-in page's antiforgery token, a cookie) could each find it empty while another creates it.
        app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("VoixUsager.Startup").Protect("clé créée au démarrage");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        await DefaultQuestionnaire.EnsureCreatedAsync(db, clock);
        await Mystery.DefaultGrids.EnsureCreatedAsync(db, clock);
        await RoleSeeder.EnsureRolesAsync(scope.ServiceProvider);
        HangfireRegistration.RegisterRecurringJobs(scope.ServiceProvider.GetRequiredService<IRecurringJobManager>());
        // The demo first: it creates the administrator, so the bootstrap does not warn that none exists.
        if (scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<DemoOptions>>().Value.Seed)
        {
            await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync();
            await scope.ServiceProvider.GetRequiredService<DemoAccountsSeeder>().SeedAsync();
        }

        await AdministratorBootstrap.EnsureFirstAdministratorAsync(scope.ServiceProvider);
        // Days not counted yet (first deployment, nights missed) are counted in the background, not at the
        // next night: until then the national overview would count them live.
        if (await scope.ServiceProvider.GetRequiredService<NationalDailyCountsJob>().IsBehindAsync(CancellationToken.None))
        {
            scope.ServiceProvider.GetRequiredService<IBackgroundJobClient>().Enqueue<NationalDailyCountsJob>(job => job.RunAsync(CancellationToken.None));
        }
    }

    /// <summary>Computes one dashboard before the server takes requests, so the first person to open one does not pay the start-up costs.</summary>
    public static async Task WarmUpResultsAsync(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<VoixUsager.Results.ResultsOptions>>().Value.WarmUpAtStart)
        {
            await VoixUsager.Results.ResultsWarmUp.RunAsync(app.Services, app.Logger, app.Lifetime.ApplicationStopping);
        }
    }

    public static WebApplication UseVoixUsagerPipeline(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/erreur/500",
            // A body over Kestrel's limit or a truncated upload surfaces as an exception; the client
            // deserves its own status (413, 400), not a server error.
            // A database outage is the service being unavailable for a while (503), not a fault (500).
            StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode
                : DatabaseOutage.Is(exception) ? StatusCodes.Status503ServiceUnavailable
                : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePagesWithReExecute("/erreur/{0}");
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseSecurityHeaders();
        app.UseRequestBodyLimit();
        app.UsePublicPageCompression();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseSessionCheck();
        app.UseAuthorization();
        app.UseHangfireDashboardGuard();
        app.UseMetricsGate();
        return app;
    }

    public static WebApplication MapVoixUsagerEndpoints(this WebApplication app)
    {
        // Readiness (the database answers) for load balancers, and liveness (the process answers) for
        // orchestrators, which must not restart every instance when the database blips.
        app.MapHealthChecks("/health", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync });
        app.MapHealthChecks("/health/live", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = _ => false });
        app.MapPrometheusScrapingEndpoint(MetricsEndpoint.Path);
        var queueObservation = VoixUsagerMetrics.ObserveJobQueue(app.Services.GetRequiredService<JobStorage>(), app.Logger);
        app.Lifetime.ApplicationStopping.Register(queueObservation.Dispose);
        // Static files from the build's manifest: the .br and .gz copies made at build and publish time are
        // served to browsers that accept them, and the fingerprinted addresses the pages link to are
        // cached as immutable. Short-circuited: no sign-in, rate limit or authorization for a stylesheet.
        app.MapStaticAssets().ShortCircuit();
        app.MapRazorPages().WithStaticAssets();
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            // Never the local-requests default: administrators only, with their second factor.
            Authorization = [new HangfireAdministratorsOnly()],
            AppPath = "/espace",
            DashboardTitle = "Tâches de fond – VoixUsager",
        });
        return app;
    }
}

public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Seeds the demo préfecture on an empty database. Never set in production.</summary>
    public bool Seed { get; set; }
}
