using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace VoixUsager.Web.Hosting;

/// <summary>
/// Compresses the HTML of the public survey pages, opened from a QR code on a phone, often on a weak
/// signal. Only those: a compressed page that holds both a secret (the staff pages' antiforgery token)
/// and text an attacker can make it reflect (a search) leaks the secret to length measurements (BREACH).
/// The survey form holds no such secret (it takes no antiforgery token; its one-time id only stops a
/// double submission). Static files come compressed from the build instead.
/// </summary>
public static class PublicPageCompression
{
    public static IServiceCollection AddPublicPageCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.MimeTypes = ["text/html"];
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
        });
        // A page is a few kilobytes: the fastest level already gets most of the gain, for little CPU.
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return services;
    }

    public static IApplicationBuilder UsePublicPageCompression(this IApplicationBuilder app) =>
        app.UseWhen(context => IsPublicSurveyPage(context.Request.Path), branch => branch.UseResponseCompression());

    public static bool IsPublicSurveyPage(PathString path) => path.StartsWithSegments("/avis", StringComparison.OrdinalIgnoreCase);
}
