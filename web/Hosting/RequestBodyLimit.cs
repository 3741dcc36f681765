using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace VoixUsager.Web.Hosting;

public sealed class RequestBodyLimitOptions
{
    public const string Section = "RequestLimits";

    /// <summary>
    /// The largest request body accepted. A full survey with a 2,000-character suggestion, percent-encoded,
    /// stays under 20 KB, so 64 KB leaves room without letting anyone stream megabytes at the form.
    /// </summary>
    [Range(1024, 100 * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 64 * 1024;
}

public static class RequestBodyLimit
{
    public static IServiceCollection AddRequestBodyLimit(this IServiceCollection services)
    {
        services.AddOptions<RequestBodyLimitOptions>()
            .BindConfiguration(RequestBodyLimitOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        return services;
    }

    /// <summary>
    /// Refuses a declared oversize body before reading it (413). An undeclared (chunked) body is read
    /// here, up to the limit, before any page sees it: read later by the form binder, the same overflow
    /// would surface as a form that "could not be read" (400), and the client must learn it was too big.
    /// </summary>
    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Features.Get<IStatusCodeReExecuteFeature>() is not null)
        {
            // Rendering the error page for the refused body: let it through.
            await next(context);
            return;
        }

        var limit = context.RequestServices.GetRequiredService<IOptions<RequestBodyLimitOptions>>().Value.MaxRequestBodyBytes;
        // The forms that take a file: room for the largest attachment allowed and the form around it.
        if (context.Request.Path.Equals(Pages.Registre.NouveauModel.UploadPath, StringComparison.OrdinalIgnoreCase)
            || context.Request.Path.StartsWithSegments(Pages.Suggestions.IndexModel.UploadPathPrefix, StringComparison.OrdinalIgnoreCase)
            || Pages.Resultats.CluDetailModel.IsUpload(context.Request))
        {
            limit = Math.Max(limit, Register.AttachmentCheck.MaxBytes + 64 * 1024);
        }

        if (context.Request.ContentLength > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false })
        {
            feature.MaxRequestBodySize = limit;
        }

        if (context.Request.ContentLength is null && CanHaveBody(context) && !await BufferWithinAsync(context, limit))
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        await next(context);
    });

    private static bool CanHaveBody(HttpContext context) =>
        context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody
        ?? (HttpMethods.IsPost(context.Request.Method) || HttpMethods.IsPut(context.Request.Method) || HttpMethods.IsPatch(context.Request.Method));

    /// <summary>Reads the whole body into memory (at most <paramref name="limit"/> bytes) and gives it a length.</summary>
    private static async Task<bool> BufferWithinAsync(HttpContext context, long limit)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return false;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return false;
        }

        buffer.Position = 0;
        context.Request.Body = buffer;
        context.Request.ContentLength = buffer.Length;
        context.Response.RegisterForDispose(buffer);
        return true;
    }
}
