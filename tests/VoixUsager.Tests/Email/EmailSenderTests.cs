using System.Security.Cryptography;
using System.Text.RegularExpressions;
using MimeKit;
using VoixUsager.Email;

namespace VoixUsager.Tests.Email;

[Trait("Category", "Logic")]
public sealed partial class EmailSenderTests : IDisposable
{
    /// <summary>Generous, so a slow machine does not fail a test; a hung one still ends.</summary>
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(30));

    private CancellationToken Ct => _timeout.Token;

    public void Dispose() => _timeout.Dispose();

    /// <summary>A 1×1 transparent PNG.</summary>
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private static OutgoingEmail Invitation(int index, string address) => new(
        [new EmailRecipient(address, $"Élodie Martin {index}")],
        $"Invitation n°{index} : donnez votre avis à la préfecture",
        $"Bonjour, voici l'invitation n°{index}.",
        $"<p>Bonjour, voici l'invitation n°{index}.</p><img src=\"cid:logo-{index}@voixusager\" alt=\"Logo\">",
        [new EmailAttachment($"résumé-{index}.csv", "text/csv", RandomNumberGenerator.GetBytes(300 + index))],
        [new EmailInlineImage($"logo-{index}@voixusager", "image/png", Png)]);

    private static byte[] Decoded(MimePart part)
    {
        using var stream = new MemoryStream();
        Assert.NotNull(part.Content);
        part.Content.DecodeTo(stream);
        return stream.ToArray();
    }

    [Fact]
    public async Task A_batch_arrives_complete_over_one_plain_loopback_connection()
    {
        await using var server = await SmtpTestServer.StartNewAsync();
        using var host = EmailTestHost.ForSmtp(server.Port, SmtpSecurity.None);
        var batch = Enumerable.Range(1, 3).Select(i => Invitation(i, $"usager{i}@exemple.fr")).ToList();

        var sent = await host.Sender.SendAsync(batch, Ct);

        Assert.Equal(3, sent.Count);
        Assert.All(sent, s => Assert.Null(s.PickupFile));
        var received = server.Received();
        Assert.Equal(3, received.Count);
        Assert.Equal(sent.Select(s => s.MessageId).Order(), received.Select(r => r.Message.MessageId).Order());
        Assert.Single(received.Select(r => r.ClientPort).Distinct());

        for (var i = 0; i < batch.Count; i++)
        {
            var expected = batch[i];
            var index = i + 1;
            var (recipients, message, _) = Assert.Single(received, r => r.Message.MessageId == sent[i].MessageId);

            Assert.Equal([$"usager{index}@exemple.fr"], recipients);
            Assert.Equal(expected.Subject, message.Subject);
            var to = Assert.IsType<MailboxAddress>(Assert.Single(message.To));
            Assert.Equal($"usager{index}@exemple.fr", to.Address);
            Assert.Equal($"Élodie Martin {index}", to.Name);
            var from = Assert.IsType<MailboxAddress>(Assert.Single(message.From));
            Assert.Equal("ne-pas-repondre@voixusager.localhost", from.Address);
            Assert.Equal("VoixUsager", from.Name);
            Assert.Equal(sent[i].Date, message.Date);
            Assert.Equal(expected.TextBody, message.TextBody?.TrimEnd());
            Assert.Equal(expected.HtmlBody, message.HtmlBody?.TrimEnd());

            // multipart/mixed( multipart/alternative( text, multipart/related( html, image ) ), attachment )
            var mixed = Assert.IsType<Multipart>(message.Body);
            Assert.Equal("multipart/mixed", mixed.ContentType.MimeType);
            var alternative = Assert.IsType<MultipartAlternative>(mixed[0]);
            var related = Assert.IsType<MultipartRelated>(alternative[1]);

            var contentId = Assert.Single(CidReference().Matches(message.HtmlBody ?? "")).Groups[1].Value;
            var image = Assert.IsType<MimePart>(Assert.Single(related, e => e.ContentId == contentId));
            Assert.Equal("image/png", image.ContentType.MimeType);
            Assert.Equal(Png, Decoded(image));

            var attachment = Assert.IsAssignableFrom<MimePart>(Assert.Single(message.Attachments));
            Assert.Equal(expected.Attachments[0].FileName, attachment.FileName);
            Assert.Equal("text/csv", attachment.ContentType.MimeType);
            Assert.Equal(expected.Attachments[0].Content, Decoded(attachment));
        }
    }

    [Fact]
    public async Task StartTls_against_a_server_without_it_fails_rather_than_sending_in_clear()
    {
        await using var server = await SmtpTestServer.StartNewAsync();
        using var host = EmailTestHost.ForSmtp(server.Port, SmtpSecurity.StartTls);

        var failure = await Assert.ThrowsAsync<EmailDeliveryException>(() =>
            host.Sender.SendAsync([OutgoingEmail.Simple("usager@exemple.fr", null, "Rappel", "Texte")], Ct));

        Assert.Equal(EmailFailure.Connection, failure.Failure);
        Assert.Contains("STARTTLS", failure.Message);
        Assert.IsType<NotSupportedException>(failure.InnerException);
        Assert.Empty(failure.Sent);
        Assert.Empty(server.Received());
    }

    [Fact]
    public async Task A_stopped_server_is_a_connection_failure_and_sending_works_again_once_it_is_back()
    {
        await using var server = await SmtpTestServer.StartNewAsync();
        using var host = EmailTestHost.ForSmtp(server.Port, SmtpSecurity.None);
        var email = OutgoingEmail.Simple("usager@exemple.fr", "Usager", "Réinitialisation du mot de passe", "Texte", "<p>HTML</p>");

        await server.StopAsync();
        var failure = await Assert.ThrowsAsync<EmailDeliveryException>(() => host.Sender.SendAsync([email], Ct));
        Assert.Equal(EmailFailure.Connection, failure.Failure);
        Assert.Contains("Connexion au serveur SMTP", failure.Message);
        Assert.NotNull(failure.InnerException);

        await server.StartAsync();
        var sent = await host.Sender.SendAsync([email], Ct);
        var received = Assert.Single(server.Received());
        Assert.Equal(Assert.Single(sent).MessageId, received.Message.MessageId);
    }

    [Fact]
    public async Task A_refused_recipient_stops_the_batch_and_says_which_messages_went_out()
    {
        await using var server = await SmtpTestServer.StartNewAsync();
        using var host = EmailTestHost.ForSmtp(server.Port, SmtpSecurity.None);
        OutgoingEmail[] batch =
        [
            OutgoingEmail.Simple("premier@exemple.fr", null, "Un", "Texte"),
            OutgoingEmail.Simple("refuse@exemple.fr", null, "Deux", "Texte"),
            OutgoingEmail.Simple("troisieme@exemple.fr", null, "Trois", "Texte"),
        ];

        var failure = await Assert.ThrowsAsync<EmailDeliveryException>(() => host.Sender.SendAsync(batch, Ct));

        Assert.Equal(EmailFailure.RecipientRefused, failure.Failure);
        Assert.Contains("refusé le destinataire refuse@exemple.fr", failure.Message);
        var first = Assert.Single(server.Received());
        Assert.Equal(first.Message.MessageId, Assert.Single(failure.Sent).MessageId);
    }

    [Fact]
    public async Task Authentication_uses_the_configured_account_and_a_wrong_password_says_so()
    {
        await using var server = await SmtpTestServer.StartNewAsync();
        var email = OutgoingEmail.Simple("usager@exemple.fr", null, "Rappel", "Texte");

        using (var wrong = EmailTestHost.ForSmtp(server.Port, SmtpSecurity.None, SmtpTestServer.UserName, "mauvais"))
        {
            var failure = await Assert.ThrowsAsync<EmailDeliveryException>(() => wrong.Sender.SendAsync([email], Ct));
            Assert.Equal(EmailFailure.Authentication, failure.Failure);
            Assert.Contains("Authentification", failure.Message);
            Assert.IsType<MailKit.Security.AuthenticationException>(failure.InnerException);
            Assert.Empty(server.Received());
        }

        using var right = EmailTestHost.ForSmtp(server.Port, SmtpSecurity.None, SmtpTestServer.UserName, SmtpTestServer.Password);
        await right.Sender.SendAsync([email], Ct);
        Assert.Single(server.Received());
    }

    [Fact]
    public async Task Without_an_smtp_host_messages_become_complete_eml_files_in_the_pickup_directory()
    {
        using var host = EmailTestHost.Create(new Dictionary<string, string?> { ["Email:PickupDirectory"] = "courriels" });
        var batch = Enumerable.Range(1, 3).Select(i => Invitation(i, $"usager{i}@exemple.fr")).ToList();

        var sent = await host.Sender.SendAsync(batch, Ct);

        var directory = Path.Combine(host.ContentRoot, "courriels");
        var files = Directory.GetFiles(directory);
        Assert.Equal(3, files.Length);
        Assert.Equal(files.Order(), sent.Select(s => s.PickupFile!).Order());
        for (var i = 0; i < batch.Count; i++)
        {
            var path = sent[i].PickupFile!;
            Assert.Matches(PickupFileName(), Path.GetFileName(path));
            var message = MimeMessage.Load(path);
            Assert.Equal(sent[i].MessageId, message.MessageId);
            Assert.Equal(batch[i].Subject, message.Subject);
            Assert.Equal(batch[i].TextBody, message.TextBody?.TrimEnd());
            Assert.Equal(batch[i].Attachments[0].Content, Decoded(Assert.IsAssignableFrom<MimePart>(Assert.Single(message.Attachments))));
        }
    }

    [Fact]
    public async Task Plain_text_smtp_to_a_remote_host_is_refused_at_start()
    {
        using var host = EmailTestHost.Create(new Dictionary<string, string?>
        {
            ["Email:Smtp:Host"] = "smtp.exemple.fr",
            ["Email:Smtp:Security"] = "None",
        });

        var failure = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() =>
            host.Host.StartAsync(Ct));
        Assert.Contains("smtp.exemple.fr", failure.Message);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public async Task Plain_text_smtp_to_loopback_is_accepted(string smtpHost)
    {
        using var host = EmailTestHost.Create(new Dictionary<string, string?>
        {
            ["Email:Smtp:Host"] = smtpHost,
            ["Email:Smtp:Security"] = "None",
        });

        await host.Host.StartAsync(Ct);
        await host.Host.StopAsync(Ct);
    }

    [GeneratedRegex("src=\"cid:([^\"]+)\"")]
    private static partial Regex CidReference();

    [GeneratedRegex(@"^\d{8}-\d{6}-\d{3}-[0-9a-f]{16}\.eml$")]
    private static partial Regex PickupFileName();
}
