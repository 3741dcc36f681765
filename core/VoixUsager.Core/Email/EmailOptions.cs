using System.ComponentModel.DataAnnotations;
using System.Net;
using MimeKit;

namespace VoixUsager.Email;

/// <summary>How the connection to the SMTP server is protected.</summary>
public enum SmtpSecurity
{
    /// <summary>Plain connection upgraded with STARTTLS; sending fails if the server does not offer it.</summary>
    StartTls,

    /// <summary>TLS from the first byte (usually port 465).</summary>
    SslOnConnect,

    /// <summary>No encryption: only accepted for a server on loopback.</summary>
    None,
}

/// <summary>Bound from the <c>Email</c> section.</summary>
public sealed class EmailOptions : IValidatableObject
{
    /// <summary>
    /// Pause between two messages of a batch, for relays that accept only so many messages a minute.
    /// 0 (the default) sends them back to back.
    /// </summary>
    [Range(0, 60_000)]
    public int DelayBetweenMessagesMilliseconds { get; set; }

    public const string Section = "Email";

    [Required]
    public string SenderAddress { get; set; } = "ne-pas-repondre@voixusager.localhost";

    public string SenderName { get; set; } = "VoixUsager";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>
    /// Where messages are written as <c>.eml</c> files when <see cref="SmtpOptions.Host"/> is empty,
    /// relative to the content root unless absolute.
    /// </summary>
    [Required]
    public string PickupDirectory { get; set; } = "data/emails";

    public bool UsesPickupDirectory => string.IsNullOrWhiteSpace(Smtp.Host);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!MailboxAddress.TryParse(SenderAddress, out var sender) || string.IsNullOrEmpty(sender.Domain))
        {
            yield return new ValidationResult($"Email:SenderAddress « {SenderAddress} » n'est pas une adresse électronique valide.",
                [nameof(SenderAddress)]);
        }

        // ValidateDataAnnotations does not descend into nested objects on its own.
        var smtpResults = new List<ValidationResult>();
        Validator.TryValidateObject(Smtp, new ValidationContext(Smtp), smtpResults, validateAllProperties: true);
        foreach (var result in smtpResults)
        {
            yield return new ValidationResult($"Email:Smtp : {result.ErrorMessage}",
                result.MemberNames.Select(m => $"{nameof(Smtp)}.{m}"));
        }

        if (!UsesPickupDirectory && Smtp.Security == SmtpSecurity.None && !IsLoopback(Smtp.Host!))
        {
            yield return new ValidationResult(
                $"Email:Smtp:Security = None (envoi en clair) n'est permis que vers un serveur local (localhost, 127.0.0.1, ::1), pas vers « {Smtp.Host} ». Utilisez StartTls ou SslOnConnect.",
                [$"{nameof(Smtp)}.{nameof(SmtpOptions.Security)}"]);
        }
    }

    /// <summary>
    /// Decided from the name alone, without DNS: a name that merely resolves to loopback today could
    /// resolve elsewhere tomorrow, and credentials would then cross the network in clear.
    /// </summary>
    public static bool IsLoopback(string host)
    {
        var name = host.Trim();
        if (string.Equals(name, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (name.StartsWith('[') && name.EndsWith(']'))
        {
            name = name[1..^1];
        }

        return IPAddress.TryParse(name, out var address) && IPAddress.IsLoopback(address);
    }
}

/// <summary>The <c>Email:Smtp</c> sub-section. An empty <see cref="Host"/> means no SMTP: messages go to the pickup directory.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>When set, the sender authenticates; otherwise it sends anonymously.</summary>
    public string? UserName { get; set; }

    /// <summary>Best given by the environment (<c>Email__Smtp__Password</c>) rather than a file in the repository.</summary>
    public string? Password { get; set; }

    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 30;
}
