using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace VoixUsager.Telemetry;

/// <summary>
/// What the logs never carry: e-mail addresses, phone numbers and the secret of a link (a reset,
/// invitation or attendance token). The application's own messages name none of them, but an exception's
/// text may (an SMTP server refusing "&lt;camille@exemple.fr&gt;", a library quoting a URL): logs are
/// kept longer and read by more people than the database, so every line is masked on its way out.
/// </summary>
public static partial class PersonalDataRedaction
{
    /// <summary>
    /// The few messages whose purpose is to hand an operator an address or a link (the first
    /// administrator's invitation, the demo's accounts) carry this event and are written as they are.
    /// </summary>
    public static readonly EventId Intended = new(900, "DonneeVoulue");

    public const string EmailMask = "[adresse masquée]";
    public const string PhoneMask = "[téléphone masqué]";
    public const string SecretMask = "[masqué]";

    public static string Redact(string text)
    {
        text = SecretParameter().Replace(text, m => m.Groups["name"].Value + "=" + SecretMask);
        text = Email().Replace(text, EmailMask);
        return Phone().Replace(text, PhoneMask);
    }

    [GeneratedRegex(@"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    // French numbers as people type them: 06 12 34 56 78, 06.12.34.56.78, 0612345678, +33 6 12 34 56 78.
    [GeneratedRegex(@"(?<![\w+])(?:\+33[\s.-]?|0)[1-9](?:[\s.-]?\d{2}){4}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Phone();

    [GeneratedRegex(@"(?<name>\b(?:jeton|token|code|cle|key|userId)\b)=[^&\s""'<>]+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex SecretParameter();

    internal static (string? Message, string? Exception) Texts<TState>(in LogEntry<TState> entry)
    {
        var message = entry.Formatter?.Invoke(entry.State, entry.Exception);
        var exception = entry.Exception?.ToString();
        if (entry.EventId == Intended)
        {
            return (message, exception);
        }

        return (message is null ? null : Redact(message), exception is null ? null : Redact(exception));
    }
}

/// <summary>The console's readable format, each line masked by <see cref="PersonalDataRedaction"/>.</summary>
public sealed class RedactedSimpleConsoleFormatter() : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "voixusager-texte";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var (message, exception) = PersonalDataRedaction.Texts(logEntry);
        if (message is null && exception is null)
        {
            return;
        }

        var text = new StringBuilder();
        text.Append(Level(logEntry.LogLevel)).Append(": ").Append(logEntry.Category).Append('[').Append(logEntry.EventId.Id.ToString(CultureInfo.InvariantCulture)).AppendLine("]");
        if (!string.IsNullOrEmpty(message))
        {
            text.Append("      ").AppendLine(message.Replace(Environment.NewLine, Environment.NewLine + "      ", StringComparison.Ordinal));
        }

        if (exception is not null)
        {
            text.AppendLine(exception);
        }

        textWriter.Write(text.ToString());
    }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        LogLevel.Critical => "crit",
        _ => "none",
    };
}

/// <summary>
/// One JSON object per line, for a log collector: timestamp, level, category, event, message and
/// exception, each masked by <see cref="PersonalDataRedaction"/>. The message's arguments are not
/// written apart: they are in the message, masked, and never unmasked beside it.
/// </summary>
public sealed class RedactedJsonConsoleFormatter() : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "voixusager-json";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var (message, exception) = PersonalDataRedaction.Texts(logEntry);
        if (message is null && exception is null)
        {
            return;
        }

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("Timestamp", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            json.WriteString("LogLevel", logEntry.LogLevel.ToString());
            json.WriteString("Category", logEntry.Category);
            json.WriteNumber("EventId", logEntry.EventId.Id);
            if (logEntry.EventId.Name is { } name)
            {
                json.WriteString("EventName", name);
            }

            json.WriteString("Message", message ?? string.Empty);
            if (exception is not null)
            {
                json.WriteString("Exception", exception);
            }

            json.WriteEndObject();
        }

        textWriter.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        textWriter.Write(Environment.NewLine);
    }
}
