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
    /// Refuses a declared oversize body before reading it (413), and caps undeclared (chunked) bodies
    /// through the server's own limit, which then fails the read with a 413 as well.
    /// </summary>
    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (context.Features.Get<IStatusCodeReExecuteFeature>() is not null)
        {
            // Rendering the error page for the refused body: let it through.
            return next(context);
        }

        var limit = context.RequestServices.GetRequiredService<IOptions<RequestBodyLimitOptions>>().Value.MaxRequestBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return Task.CompletedTask;
        }

        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false })
        {
            feature.MaxRequestBodySize = limit;
        }

        return next(context);
    });
}
