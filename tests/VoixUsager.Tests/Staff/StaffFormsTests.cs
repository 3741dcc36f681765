using System.ComponentModel;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VoixUsager.Clu;
using VoixUsager.Tests.Infrastructure;
using VoixUsager.Web.Hosting;

namespace VoixUsager.Tests.Staff;

/// <summary>
/// Every form of the staff pages, found from the app's own endpoints so that a new form is walked
/// too: blank and oversized input gets a message, never a 500, and nothing longer than its column
/// is ever stored.
/// </summary>
public sealed partial class StaffFormsTests : IAsyncLifetime
{
    private const int Oversized = 4001;

    /// <summary>Forms whose every field is optional, so that a blank post is a real request; their oversized input is still walked.</summary>
    private static readonly Dictionary<string, string> BlankIsARequest = new()
    {
        ["/Administration/PrefecturesSite (Fermer)"] = "closing a site: the message to the public is optional",
    };

    private readonly VoixUsagerAppFactory _app = new();
    private ResultsTestData.Ids _ids = null!;
    private int _cluId;
    private int _cluMemberId;
    private int _caseId;
    private int _actionId;
    private int _questionnaireDraftId;

    public sealed record StaffForm(string Page, string? Handler, string PageUrl, string PostUrl, string Actor, IReadOnlyCollection<string> Fields, bool TakesParameters)
    {
        public override string ToString() => $"{Page}{(Handler is null ? "" : $" ({Handler})")}";
    }

    public async Task InitializeAsync()
    {
        _ids = await ResultsTestData.SeedAsync(_app);
        _cluId = await _app.WithDbAsync(async db =>
        {
            var clu = new CluMeeting { PrefectureId = _ids.Staff.CantalId, MeetingOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(40), Place = "Préfecture", CreatedAtUtc = DateTime.UtcNow };
            db.CluMeetings.Add(clu);
            await db.SaveChangesAsync();
            return clu.Id;
        });
        _cluMemberId = await _app.WithDbAsync(async db =>
        {
            var member = new CluMember { CluMeetingId = _cluId, Name = "Claire Roux", Email = "claire.roux@udaf.test" };
            db.CluMembers.Add(member);
            await db.SaveChangesAsync();
            return member.Id;
        });
        _caseId = await _app.WithDbAsync(async db =>
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var registerCase = new VoixUsager.Register.RegisterCase
            {
                PrefectureId = _ids.Staff.CantalId, Kind = VoixUsager.Register.CaseKind.Reclamation, Subject = VoixUsager.Register.CaseSubject.Attente,
                Channel = VoixUsager.Register.CaseChannel.Courrier, Text = "Attente", ReceivedOn = today, AcknowledgementDueOn = today, DueOn = today, CreatedAtUtc = DateTime.UtcNow,
            };
            db.RegisterCases.Add(registerCase);
            await db.SaveChangesAsync();
            return registerCase.Id;
        });
        _actionId = await _app.WithDbAsync(async db =>
        {
            var action = new VoixUsager.ActionPlan.PlanAction { PrefectureId = _ids.Staff.CantalId, Title = "Signalétique du hall", CreatedAtUtc = DateTime.UtcNow };
            db.PlanActions.Add(action);
            await db.SaveChangesAsync();
            return action.Id;
        });
        _questionnaireDraftId = await _app.WithDbAsync(async db =>
        {
            var content = new VoixUsager.Questionnaires.DraftContent { Languages = ["en"] };
            var draft = new VoixUsager.Questionnaires.QuestionnaireDraft
            {
                Key = "questionnaire-du-cantal", PrefectureId = _ids.Staff.CantalId, Title = "Questionnaire du Cantal", ContentJson = content.Serialise(), ConcurrencyStamp = Guid.NewGuid(), UpdatedAtUtc = DateTime.UtcNow,
            };
            db.QuestionnaireDrafts.Add(draft);
            await db.SaveChangesAsync();
            return draft.Id;
        });
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Every_staff_form_answers_blank_and_oversized_input_with_a_message_and_never_a_500()
    {
        var forms = await StaffFormsAsync();
        // The forms the crawler found answering 500 are among those walked.
        foreach (var known in new[]
                 {
                     "/Resultats/Clu", "/Resultats/CluDetail (Member)", "/Resultats/Campagnes", "/Administration/CampagnesMysteres/Nouvelle",
                     "/Administration/Prefectures (Prefecture)", "/Administration/Prefectures (Site)", "/Administration/Utilisateurs",
                     "/Qualite/Utilisateurs", "/Compte/MotDePasse",
                 })
        {
            Assert.Contains(known, forms.Select(f => f.ToString()));
        }

        var failures = new List<string>();
        foreach (var form in forms)
        {
            // One session per form: a form that changes the account (password, second factor) leaves the others unaffected.
            using var client = StaffClient.For(_app);
            await client.SignInAsync(form.Actor, StaffTestData.Password);
            var page = await client.Http.GetAsync(form.PageUrl);
            if (page.StatusCode != HttpStatusCode.OK)
            {
                failures.Add($"{form}: GET {form.PageUrl} answered {(int)page.StatusCode}");
                continue;
            }

            var document = StaffClient.Parse(await page.Content.ReadAsStringAsync());
            var token = document.QuerySelector("form input[name=__RequestVerificationToken]")?.GetAttribute("value");
            // The page's own forms for this handler add the inputs a handler reads from the request itself.
            var pageForms = document.QuerySelectorAll("main form[method=post]")
                .Where(f => f.GetAttribute("action") is not { } action
                    ? form.Handler is null
                    : form.Handler is null ? !action.Contains("handler=", StringComparison.OrdinalIgnoreCase) : action.Contains($"handler={form.Handler}", StringComparison.OrdinalIgnoreCase))
                .ToList();
            var typed = pageForms.SelectMany(f => f.QuerySelectorAll("input[name], select[name], textarea[name]")).Select(e => e.GetAttribute("name")!).Where(n => n != "__RequestVerificationToken").ToList();
            if (!form.TakesParameters && pageForms.Count > 0 && typed.Count == 0)
            {
                // A button (send it to me now): nothing is typed, so nothing can be blank or too long.
                continue;
            }

            var fields = form.Fields.Concat(typed).Distinct(StringComparer.Ordinal).ToList();

            async Task PostAsync(string what, Func<string, string> value)
            {
                var content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f, value(f))).Append(new("__RequestVerificationToken", token ?? "")));
                var response = await client.Http.PostAsync(form.PostUrl, content);
                var status = (int)response.StatusCode;
                var body = await response.Content.ReadAsStringAsync();
                if (status >= 500)
                {
                    failures.Add($"{form}, {what}: {status}");
                }
                else if (status is >= 300 and < 400 && !(what == "every field blank" && BlankIsARequest.ContainsKey(form.ToString())))
                {
                    failures.Add($"{form}, {what}: accepted ({status} to {response.Headers.Location})");
                }
                else if (status is < 300 or 400 or 422 && !body.Contains("fr-message--error", StringComparison.Ordinal) && !body.Contains("fr-alert--error", StringComparison.Ordinal))
                {
                    // A refused input is shown with its message; 403 and 404 answer an id that is not the person's.
                    failures.Add($"{form}, {what}: {status} without an error message");
                }
            }

            await PostAsync("every field blank", _ => "");
            foreach (var field in fields)
            {
                await PostAsync($"{field} of {Oversized} characters", f => f == field ? new string('x', Oversized) : "");
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.Empty(await _app.WithDbAsync(ColumnScan.OverLengthAsync));
    }

    /// <summary>The staff pages' POST handlers, from the app's endpoints, each with the fields it binds and who may post it.</summary>
    private async Task<List<StaffForm>> StaffFormsAsync()
    {
        _ = _app.Server;
        var loader = _app.Services.GetRequiredService<PageLoader>();
        var forms = new List<StaffForm>();
        foreach (var endpoint in _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } descriptor
                || endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null
                || endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).Where(p => p is not null).ToList() is not { Count: > 0 } policies)
            {
                continue;
            }

            var compiled = await loader.LoadAsync(descriptor, endpoint.Metadata);
            var posts = compiled.HandlerMethods.Where(h => string.Equals(h.HttpMethod, "Post", StringComparison.OrdinalIgnoreCase)).ToList();
            if (posts.Count == 0)
            {
                continue;
            }

            var template = compiled.AttributeRouteInfo!.Template!;
            var routeParameters = RouteParameter().Matches(template).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var path = "/" + RouteParameter().Replace(template, m => m.Groups["optional"].Success ? "" : RouteValue(compiled.ViewEnginePath, m.Groups["name"].Value)).TrimEnd('/');
            var actor = Actor(policies);
            var bound = compiled.BoundProperties.SelectMany(p => FieldNames(p.BindingInfo?.BinderModelName ?? p.Name, p.ParameterType)).ToList();
            foreach (var handler in posts)
            {
                var parameters = handler.Parameters
                    .Where(p => p.ParameterType != typeof(CancellationToken) && !routeParameters.Contains(p.Name))
                    .SelectMany(p => FieldNames(p.BindingInfo?.BinderModelName ?? p.Name, p.ParameterType))
                    .ToList();
                var postUrl = handler.Name is null ? path : $"{path}?handler={handler.Name}";
                forms.Add(new StaffForm(compiled.ViewEnginePath, handler.Name, path, postUrl, actor, bound.Concat(parameters).Distinct().ToList(), parameters.Count > 0));
            }
        }

        return forms;
    }

    /// <summary>Simple values post under their own name; an input class binds its properties by their names.</summary>
    private static IEnumerable<string> FieldNames(string name, Type type) =>
        type == typeof(string) || TypeDescriptor.GetConverter(type).CanConvertFrom(typeof(string)) || typeof(System.Collections.IEnumerable).IsAssignableFrom(type)
            ? [name]
            : type.GetProperties().Where(p => p.CanWrite).Select(p => p.Name);

    /// <summary>The most restricted policy says who posts the form.</summary>
    private static string Actor(IReadOnlyCollection<string?> policies) =>
        policies.Contains(Policies.Administrateur) ? StaffTestData.AdminEmail
        : policies.Contains(Policies.Referent) ? StaffTestData.Email("Referent", "allier")
        : policies.Contains(Policies.Qualite) || policies.Contains(Policies.Resultats) || policies.Contains(Policies.Registre) || policies.Contains(Policies.Staff) ? StaffTestData.Email("Qualite", "cantal")
        : throw new Xunit.Sdk.XunitException($"No test account for the policies {string.Join(", ", policies)}: add one to the walk of the staff forms.");

    /// <summary>A record the signed-in person may act on, for each route parameter of a page that posts.</summary>
    private string RouteValue(string page, string parameter) => (page, parameter) switch
    {
        ("/Resultats/CluDetail" or "/Resultats/CluMembre", "id") => _cluId.ToString(CultureInfo.InvariantCulture),
        ("/Resultats/CluMembre", "memberId") => _cluMemberId.ToString(CultureInfo.InvariantCulture),
        ("/Administration/PrefecturesModifier", "id") => _ids.Staff.CantalId.ToString(CultureInfo.InvariantCulture),
        ("/Administration/PrefecturesSite", "id") => _ids.SecondSiteId.ToString(CultureInfo.InvariantCulture),
        ("/Administration/CampagnesMysteres/Modifier", "id") => _ids.Staff.CampaignId.ToString(CultureInfo.InvariantCulture),
        ("/Resultats/CampagnesModifier", "campaignId") => _ids.CurrentCampaignId.ToString(CultureInfo.InvariantCulture),
        ("/Resultats/CampagnesQuestionnaires", "campaignId") => _ids.CurrentCampaignId.ToString(CultureInfo.InvariantCulture),
        ("/Registre/Dossier", "id") => _caseId.ToString(CultureInfo.InvariantCulture),
        ("/Registre/Plan/Action", "id") => _actionId.ToString(CultureInfo.InvariantCulture),
        ("/Referent/Appel", "scenarioId") => _ids.Staff.CallScenarioId.ToString(CultureInfo.InvariantCulture),
        ("/Referent/Courriel", "scenarioId") => _ids.Staff.EmailScenarioId.ToString(CultureInfo.InvariantCulture),
        ("/Questionnaires/Brouillon" or "/Questionnaires/Question" or "/Questionnaires/Traduction" or "/Questionnaires/Publier", "id") => _questionnaireDraftId.ToString(CultureInfo.InvariantCulture),
        ("/Questionnaires/Traduction", "langue") => "en",
        ("/Qualite/Mystere/Suivi", "campaignId") => _ids.Staff.CampaignId.ToString(CultureInfo.InvariantCulture),
        _ => throw new Xunit.Sdk.XunitException($"Give the page {page} a sample value for its route parameter {{{parameter}}} in the walk of the staff forms."),
    };

    [GeneratedRegex(@"\{(?<name>[A-Za-z]+)(:[^}?]*)?(?<optional>\?)?\}")]
    private static partial Regex RouteParameter();
}
