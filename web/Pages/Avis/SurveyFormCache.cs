using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Caching.Memory;
using VoixUsager.Questionnaires;
using VoixUsager.Surveys;
using VoixUsager.Web.Hosting;

namespace VoixUsager.Web.Pages.Avis;

/// <summary>
/// The blank survey form as last rendered for a site, channel and language, kept as UTF-8 bytes around its
/// one-time submission id, so that the next visitor gets the same page with a fresh id without the page
/// being rendered again. A site's form is the same for every visitor but that id; rendering it (the
/// questions, the layout, the inlined stylesheets) was the largest cost of a submission after storing it.
/// </summary>
/// <remarks>
/// A kept page is served only while the survey lookup and the questionnaire catalogue give what it was
/// rendered from: the same availability (site, campaign, names: compared by value) and the same
/// questionnaire definition (by reference: the catalogue's cached one), so any change they see shows at
/// once, as a rendered page would show it. Only the blank form to a visitor who is not signed in is kept:
/// the error, closed and retired pages, and staff's view, are rendered every time. The inlined stylesheets,
/// the same on every public page, are not copied into each entry.
/// </remarks>
public sealed class SurveyFormCache(IMemoryCache cache, PublicStylesheets stylesheets)
{
    /// <summary>An entry not asked for this long is dropped; a site's form is usually asked for all day.</summary>
    public static readonly TimeSpan SlidingLifetime = TimeSpan.FromMinutes(10);

    /// <summary>The shared cache counts entries (size 1 each); a kept form counts one per 4 KB it holds.</summary>
    private const int BytesPerSizeUnit = 4096;

    private const string ContentType = "text/html; charset=utf-8";

    private long _served;

    /// <summary>How many pages this process has served from what it kept (a figure for tests and diagnostics).</summary>
    public long Served => Interlocked.Read(ref _served);

    private sealed record Entry(SurveyAvailability.Open Availability, QuestionnaireDefinition Questionnaire, byte[] Head, ReadOnlyMemory<byte> Styles, byte[] Middle, byte[] Tail);

    /// <summary>The page kept for this form, with <paramref name="submissionId"/> in it; null when none is kept or it is stale.</summary>
    public IActionResult? TryServe(HttpContext context, SurveyAvailability.Open availability, QuestionnaireDefinition questionnaire, string? channel, string language, Guid submissionId)
    {
        if (!IsKeptFor(context)
            || !cache.TryGetValue(Key(context, availability, channel, language), out Entry? entry)
            || entry is null
            || !entry.Availability.Equals(availability)
            || !ReferenceEquals(entry.Questionnaire, questionnaire))
        {
            return null;
        }

        Interlocked.Increment(ref _served);
        return new KeptPage(entry, submissionId);
    }

    /// <summary>
    /// Marks the page about to be rendered as this blank form, to be kept once rendered (by
    /// <see cref="KeepRenderedAttribute"/> on the page model).
    /// </summary>
    public static void KeepWhenRendered(HttpContext context, SurveyAvailability.Open availability, QuestionnaireDefinition questionnaire, string? channel, string language, Guid submissionId) =>
        context.Items[typeof(SurveyFormCache)] = new ToKeep(availability, questionnaire, channel, language, submissionId);

    private sealed record ToKeep(SurveyAvailability.Open Availability, QuestionnaireDefinition Questionnaire, string? Channel, string Language, Guid SubmissionId);

    private static bool IsKeptFor(HttpContext context) => context.User.Identity?.IsAuthenticated != true;

    private static string Key(HttpContext context, SurveyAvailability.Open availability, string? channel, string language) =>
        $"avis:formulaire:{context.Request.PathBase.Value}|{availability.Site.Id}|{channel}|{language}";

    private void Keep(HttpContext context, SurveyAvailability.Open availability, QuestionnaireDefinition questionnaire, string? channel, string language, Guid submissionId, byte[] page)
    {
        var id = Encoding.UTF8.GetBytes(submissionId.ToString("D"));
        var at = page.AsSpan().IndexOf(id);
        if (at < 0 || page.AsSpan(at + id.Length).IndexOf(id) >= 0)
        {
            // The id is not where it can be replaced alone: this page is not kept.
            return;
        }

        byte[] head = page[..at], middle = [], tail = page[(at + id.Length)..];
        var css = stylesheets.For(context.Request.PathBase).Utf8;
        // The shared copy itself, not a new one: the entry refers to it and writes it as it is.
        var styles = ReadOnlyMemory<byte>.Empty;
        var stylesAt = head.AsSpan().IndexOf(css.Span);
        if (stylesAt >= 0)
        {
            styles = css;
            middle = head[(stylesAt + css.Length)..];
            head = head[..stylesAt];
        }

        var entry = new Entry(availability, questionnaire, head, styles, middle, tail);
        cache.Set(Key(context, availability, channel, language), entry, new MemoryCacheEntryOptions
        {
            Size = 1 + (head.Length + middle.Length + tail.Length) / BytesPerSizeUnit,
            SlidingExpiration = SlidingLifetime,
        });
    }

    private sealed class KeptPage(Entry entry, Guid submissionId) : IActionResult
    {
        public async Task ExecuteResultAsync(ActionContext context)
        {
            var response = context.HttpContext.Response;
            var cancellationToken = context.HttpContext.RequestAborted;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = ContentType;
            var body = response.Body;
            await body.WriteAsync(entry.Head, cancellationToken);
            await body.WriteAsync(entry.Styles, cancellationToken);
            await body.WriteAsync(entry.Middle, cancellationToken);

            await body.WriteAsync(Encoding.UTF8.GetBytes(submissionId.ToString("D")), cancellationToken);
            await body.WriteAsync(entry.Tail, cancellationToken);
        }
    }

    /// <summary>Captures what a page marked by <see cref="KeepWhenRendered"/> writes, keeps it and sends it.</summary>
    [AttributeUsage(AttributeTargets.Class)]
    public sealed class KeepRenderedAttribute : Attribute, IAsyncResultFilter
    {
        public async Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
        {
            var http = context.HttpContext;
            if (http.Items[typeof(SurveyFormCache)] is not ToKeep toKeep || context.Result is not PageResult)
            {
                await next();
                return;
            }

            var response = http.Response;
            var original = response.Body;
            using var buffer = new MemoryStream();
            response.Body = buffer;
            try
            {
                await next();
            }
            finally
            {
                response.Body = original;
            }

            var rendered = buffer.ToArray();
            if (response.StatusCode == StatusCodes.Status200OK && IsKeptFor(http))
            {
                http.RequestServices.GetRequiredService<SurveyFormCache>()
                    .Keep(http, toKeep.Availability, toKeep.Questionnaire, toKeep.Channel, toKeep.Language, toKeep.SubmissionId, rendered);
            }

            await original.WriteAsync(rendered, http.RequestAborted);
        }
    }
}
