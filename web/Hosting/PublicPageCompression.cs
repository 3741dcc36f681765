using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace VoixUsager.Web.Hosting;

/// <summary>
/// Compresses the HTML of the public survey pages, opened from a QR code on a phone, often on a weak
/// signal. Only those: a compressed page that holds both a secret (the staff pages' antiforgery token)
/// and text an attacker can make it reflect (a search) leaks the secret to length measurements (BREACH).
/// The survey form holds no such secret (it takes no antiforgery token; its one-time id only stops a
/// double submission). The home page, the accessibility statement and the personal data page, where a
/// visitor may land too, read no input: compressed as well. Static files come compressed from the build.
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
        // These pages carry their stylesheets (about 120 KB of text): the default level sends a third less
        // than the fastest (brotli 4 against 1) for about a millisecond more per page.
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        services.AddSingleton<PublicStylesheets>();
        return services;
    }

    public static IApplicationBuilder UsePublicPageCompression(this IApplicationBuilder app) =>
        app.UseWhen(context => IsCompressed(context.Request.Path), branch => branch.UseResponseCompression());

    private static readonly string[] StaticPages = ["/", "/accessibilite", "/donnees-personnelles"];

    /// <summary>The pages sent compressed: those whose head can carry the public stylesheets (see the layout).</summary>
    public static bool IsCompressed(PathString path) =>
        path.StartsWithSegments("/avis", StringComparison.OrdinalIgnoreCase)
        || StaticPages.Any(p => string.Equals(path.Value?.TrimEnd('/') is { Length: > 0 } v ? v : "/", p, StringComparison.OrdinalIgnoreCase));
}
