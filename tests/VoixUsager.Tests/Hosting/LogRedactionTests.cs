using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using VoixUsager.Telemetry;
using VoixUsager.Tests.Infrastructure;

namespace VoixUsager.Tests.Hosting;

[Trait("Category", "Logic")]
public sealed class LogRedactionTests
{
    // What an SMTP server says when it refuses a recipient, as MailKit's exception carries it.
    private const string Refusal = "Le serveur SMTP a refusé le destinataire camille.martin@exemple.fr (550 5.1.1 <camille.martin@exemple.fr>: Recipient address rejected)";

    [Theory]
    [InlineData("écrire à camille.martin@exemple.fr demain", "écrire à [adresse masquée] demain")]
    [InlineData("<o'brien+clu@sous.domaine.gouv.fr>", "<[adresse masquée]>")]
    [InlineData("rappel au 06 12 34 56 78 svp", "rappel au [téléphone masqué] svp")]
    [InlineData("tél. 06.12.34.56.78 ou +33 6 12 34 56 78 ou 0612345678", "tél. [téléphone masqué] ou [téléphone masqué] ou [téléphone masqué]")]
    [InlineData("GET /connexion/reinitialisation?jeton=CfDJ8abc-_x&email=1", "GET /connexion/reinitialisation?jeton=[masqué]&email=1")]
    [InlineData("/presence?token=abc.def", "/presence?token=[masqué]")]
    public void Addresses_phone_numbers_and_link_secrets_are_masked(string text, string expected) =>
        Assert.Equal(expected, PersonalDataRedaction.Redact(text));

    [Theory]
    [InlineData("CLU 42 : synthèse envoyée à 12 destinataire(s), 3 tenue(s) par une autre copie.")]
    [InlineData("Réponse 1234567890123 stockée en 0,25 s à 2026-11-29T21:15:37Z")]
    [InlineData("Courriels envoyés par SMTP via smtp.prefecture.gouv.fr:587 (StartTls).")]
    public void Ordinary_operational_text_is_left_alone(string text) =>
        Assert.Equal(text, PersonalDataRedaction.Redact(text));

    [Fact]
    public void Json_line_masks_the_message_and_the_exception_and_is_valid_json()
    {
        var line = Write(new RedactedJsonConsoleFormatter(), LogLevel.Warning, new EventId(3, "Echec"), Refusal, new InvalidOperationException(Refusal));

        Assert.DoesNotContain("camille", line, StringComparison.OrdinalIgnoreCase);
        Assert.EndsWith(Environment.NewLine, line);
        using var json = JsonDocument.Parse(line);
        Assert.Equal("Warning", json.RootElement.GetProperty("LogLevel").GetString());
        Assert.Equal("VoixUsager.Essai", json.RootElement.GetProperty("Category").GetString());
        Assert.Contains(PersonalDataRedaction.EmailMask, json.RootElement.GetProperty("Message").GetString());
        Assert.Contains(PersonalDataRedaction.EmailMask, json.RootElement.GetProperty("Exception").GetString());
    }

    [Fact]
    public void Readable_line_masks_the_message_and_the_exception()
    {
        var line = Write(new RedactedSimpleConsoleFormatter(), LogLevel.Error, new EventId(7), Refusal, new InvalidOperationException(Refusal));

        Assert.StartsWith("fail: VoixUsager.Essai[7]", line);
        Assert.DoesNotContain("camille", line, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(PersonalDataRedaction.EmailMask, line);
        Assert.Contains(nameof(InvalidOperationException), line);
    }

    [Fact]
    public void A_message_meant_to_give_an_operator_a_link_is_written_as_it_is()
    {
        const string invitation = "Premier administrateur : ouvrez https://voixusager.gouv.fr/connexion/invitation?jeton=abc dans les 72 heures pour créer le compte admin@prefecture.gouv.fr.";

        var line = Write(new RedactedSimpleConsoleFormatter(), LogLevel.Warning, PersonalDataRedaction.Intended, invitation, null);

        Assert.Contains(invitation, line);
    }

    private static string Write(ConsoleFormatter formatter, LogLevel level, EventId eventId, string message, Exception? exception)
    {
        using var writer = new StringWriter();
        var entry = new LogEntry<string>(level, "VoixUsager.Essai", eventId, message, exception, (state, _) => state);
        formatter.Write(in entry, null, writer);
        return writer.ToString();
    }
}

/// <summary>Both processes' consoles go through the masking formatters, in the readable and the JSON format.</summary>
public sealed class LogFormatRegistrationTests
{
    private sealed class App(bool json) : VoixUsagerAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Telemetry:JsonLogs", json ? "true" : "false");
        }
    }

    [Theory]
    [InlineData(false, RedactedSimpleConsoleFormatter.FormatterName)]
    [InlineData(true, RedactedJsonConsoleFormatter.FormatterName)]
    public void Web_console_writes_through_the_masking_formatter(bool json, string formatter)
    {
        using var app = new App(json);

        Assert.Equal(formatter, app.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName);
        Assert.Contains(app.Services.GetServices<ConsoleFormatter>(), f => f.Name == formatter);
    }
}
