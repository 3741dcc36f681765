using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.DependencyInjection;

namespace VoixUsager;

/// <summary>Bound from the <c>App</c> section: what the application needs to know about itself.</summary>
public sealed class AppOptions : IValidatableObject
{
    public const string Section = "App";

    /// <summary>
    /// The address staff reach the web application at, used for links in emails: jobs run outside any
    /// HTTP request (often in the worker), so there is no request to read the host from.
    /// </summary>
    [Required]
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>An absolute link to <paramref name="path"/> (e.g. "/referent") under <see cref="PublicBaseUrl"/>.</summary>
    public string Link(string path) => $"{PublicBaseUrl.TrimEnd('/')}/{path.TrimStart('/')}";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // Query and fragment are refused because paths are appended to the base.
        if (!Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            yield return new ValidationResult(
                $"App:PublicBaseUrl « {PublicBaseUrl} » doit être une adresse absolue en http ou https, sans « ? » ni « # » (par exemple https://voixusager.interieur.gouv.fr).",
                [nameof(PublicBaseUrl)]);
        }
    }
}

public static class AppOptionsRegistration
{
    public static IServiceCollection AddAppOptions(this IServiceCollection services)
    {
        services.AddOptions<AppOptions>()
            .BindConfiguration(AppOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        return services;
    }
}
