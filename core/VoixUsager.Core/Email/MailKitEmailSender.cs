using System.Security.Cryptography;
using System.Text;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Utils;

namespace VoixUsager.Email;

/// <summary>Sends over SMTP with MailKit, or writes <c>.eml</c> files to the pickup directory when no SMTP host is set.</summary>
public sealed class MailKitEmailSender : IEmailSender
{
    private readonly EmailOptions _options;
    private readonly string _pickupDirectory;
    private readonly MailboxAddress _from;
    private readonly TimeProvider _time;
    private readonly ILogger<MailKitEmailSender> _logger;

    private readonly Telemetry.VoixUsagerMetrics _metrics;

    public MailKitEmailSender(IOptions<EmailOptions> options, IHostEnvironment environment, TimeProvider time, ILogger<MailKitEmailSender> logger, Telemetry.VoixUsagerMetrics metrics)
    {
        _options = options.Value;
        _pickupDirectory = EmailRegistration.ResolvePickupDirectory(_options, environment.ContentRootPath);
        _from = new MailboxAddress(_options.SenderName, _options.SenderAddress);
        _time = time;
        _logger = logger;
        _metrics = metrics;
    }

    public async Task<IReadOnlyList<SentEmail>> SendAsync(IReadOnlyList<OutgoingEmail> batch, Func<int, Task<bool>>? beforeEach, Func<int, SentEmail, Task>? onEachSent, CancellationToken ct)
    {
        if (batch.Count == 0)
        {
            return [];
        }

        // Built before connecting, so a malformed message fails the batch before anything is sent.
        var messages = batch.Select(Build).ToList();
        var transport = _options.UsesPickupDirectory ? "pickup" : "smtp";
        try
        {
            var sent = _options.UsesPickupDirectory
                ? await WriteToPickupAsync(messages, beforeEach ?? SendAll, onEachSent, ct)
                : await SendOverSmtpAsync(messages, beforeEach ?? SendAll, onEachSent, ct);
            _metrics.EmailsSent(sent.Count, transport);
            return sent;
        }
        catch (EmailDeliveryException e)
        {
            _metrics.EmailsSent(e.Sent.Count, transport);
            _metrics.EmailBatchFailed(transport, e.Failure.ToString());
            throw;
        }
    }

    /// <summary>
    /// A built message, the Message-ID it was given (which MimeKit's property types as nullable), and the
    /// precise time it was built at (the Date header keeps whole seconds only).
    /// </summary>
    private sealed record Built(MimeMessage Message, string MessageId, DateTimeOffset BuiltAt);

    private static Task<bool> SendAll(int index) => Task.FromResult(true);

    private Built Build(OutgoingEmail email)
    {
        if (email.To.Count == 0)
        {
            throw new ArgumentException("A message needs at least one recipient.", nameof(email));
        }

        if (email.HtmlBody is null && email.InlineImages.Count > 0)
        {
            throw new ArgumentException("Inline images need an HTML body that shows them.", nameof(email));
        }

        var messageId = email.MessageId ?? MimeUtils.GenerateMessageId(_from.Domain);
        var now = _time.GetUtcNow();
        var message = new MimeMessage
        {
            MessageId = messageId,
            // Whole seconds, as the header will carry it, so that SentEmail.Date equals what recipients see.
            Date = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond)),
            Subject = email.Subject,
        };
        message.From.Add(_from);
        message.To.AddRange(email.To.Select(r => new MailboxAddress(r.Name, r.Address)));

        MimeEntity body = new TextPart(MimeKit.Text.TextFormat.Plain) { Text = email.TextBody };
        if (email.HtmlBody is not null)
        {
            MimeEntity html = new TextPart(MimeKit.Text.TextFormat.Html) { Text = email.HtmlBody };
            if (email.InlineImages.Count > 0)
            {
                var related = new MultipartRelated { html };
                foreach (var image in email.InlineImages)
                {
                    related.Add(new MimePart(ContentType.Parse(image.ContentType))
                    {
                        ContentId = image.ContentId,
                        Content = new MimeContent(new MemoryStream(image.Content, writable: false)),
                        ContentDisposition = new ContentDisposition(ContentDisposition.Inline),
                        ContentTransferEncoding = ContentEncoding.Base64,
                    });
                }

                html = related;
            }

            body = new MultipartAlternative { body, html };
        }

        if (email.Attachments.Count > 0)
        {
            var mixed = new Multipart("mixed") { body };
            foreach (var attachment in email.Attachments)
            {
                mixed.Add(new MimePart(ContentType.Parse(attachment.ContentType))
                {
                    FileName = attachment.FileName,
                    Content = new MimeContent(new MemoryStream(attachment.Content, writable: false)),
                    ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
                    ContentTransferEncoding = ContentEncoding.Base64,
                });
            }

            body = mixed;
        }

        message.Body = body;
        return new Built(message, messageId, now);
    }

    private async Task<IReadOnlyList<SentEmail>> SendOverSmtpAsync(List<Built> messages, Func<int, Task<bool>> beforeEach, Func<int, SentEmail, Task>? onEachSent, CancellationToken ct)
    {
        var smtp = _options.Smtp;
        var host = smtp.Host!.Trim();
        var sent = new List<SentEmail>(messages.Count);
        using var client = new SmtpClient { Timeout = checked(smtp.TimeoutSeconds * 1000) };

        // StartTls (not StartTlsWhenAvailable): a server that does not offer STARTTLS makes the connection
        // fail instead of silently carrying the messages, and the password, in clear.
        var socketOptions = smtp.Security switch
        {
            SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
            SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            SmtpSecurity.None => SecureSocketOptions.None,
            _ => throw new InvalidOperationException($"Unknown SMTP security {smtp.Security}."),
        };

        try
        {
            await client.ConnectAsync(host, smtp.Port, socketOptions, ct);
        }
        catch (NotSupportedException e) when (smtp.Security == SmtpSecurity.StartTls)
        {
            throw new EmailDeliveryException(EmailFailure.Connection,
                $"Connexion au serveur SMTP {host}:{smtp.Port} refusée : le serveur ne propose pas STARTTLS, et l'envoi en clair n'est pas autorisé.",
                sent, e);
        }
        catch (SslHandshakeException e)
        {
            throw new EmailDeliveryException(EmailFailure.Connection,
                $"Connexion au serveur SMTP {host}:{smtp.Port} impossible : la négociation TLS a échoué ({e.Message}).", sent, e);
        }
        catch (Exception e) when (!CallerCancelled(e, ct))
        {
            throw new EmailDeliveryException(EmailFailure.Connection,
                $"Connexion au serveur SMTP {host}:{smtp.Port} impossible : {e.Message}", sent, e);
        }

        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            try
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", ct);
            }
            catch (Exception e) when (!CallerCancelled(e, ct))
            {
                throw new EmailDeliveryException(EmailFailure.Authentication,
                    $"Authentification auprès du serveur SMTP {host}:{smtp.Port} refusée pour l'utilisateur « {smtp.UserName} » : {e.Message}",
                    sent, e);
            }
        }

        for (var index = 0; index < messages.Count; index++)
        {
            var (message, messageId, _) = messages[index];
            if (!await beforeEach(index))
            {
                continue;
            }

            try
            {
                await client.SendAsync(message, ct);
            }
            catch (Exception e) when (!CallerCancelled(e, ct))
            {
                throw SendFailure(e, messageId, host, smtp.Port, sent);
            }

            var accepted = new SentEmail(messageId, message.Date, PickupFile: null);
            sent.Add(accepted);
            await AfterEachAsync(onEachSent, index, accepted, last: index == messages.Count - 1, ct);
        }

        try
        {
            await client.DisconnectAsync(quit: true, ct);
        }
        catch (Exception e) when (!CallerCancelled(e, ct))
        {
            // Every message was accepted: failing now would make the caller send them all again.
            _logger.LogWarning(e, "Fin de session SMTP avec {Host}:{Port} en erreur, après envoi des {Count} courriel(s).", host, smtp.Port, sent.Count);
        }

        _logger.LogInformation("{Count} courriel(s) envoyé(s) via {Host}:{Port}.", sent.Count, host, smtp.Port);
        return sent;
    }

    private async Task AfterEachAsync(Func<int, SentEmail, Task>? onEachSent, int index, SentEmail sent, bool last, CancellationToken ct)
    {
        if (onEachSent is not null)
        {
            await onEachSent(index, sent);
        }

        // Many relays accept only so many messages a minute from one sender.
        if (!last && _options.DelayBetweenMessagesMilliseconds > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(_options.DelayBetweenMessagesMilliseconds), _time, ct);
        }
    }

    /// <summary>
    /// Only the caller's own cancellation passes through as is; any other cancellation (a timeout inside
    /// MailKit) is a delivery failure like the others.
    /// </summary>
    private static bool CallerCancelled(Exception e, CancellationToken ct) => e is OperationCanceledException && ct.IsCancellationRequested;

    private static EmailDeliveryException SendFailure(Exception e, string messageId, string host, int port, List<SentEmail> sent)
    {
        var position = $"courriel {sent.Count + 1} du lot (Message-ID {messageId}, {sent.Count} déjà envoyé(s))";
        return e switch
        {
            SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted } refused => new EmailDeliveryException(
                EmailFailure.RecipientRefused,
                $"Le serveur SMTP {host}:{port} a refusé le destinataire {refused.Mailbox} ({(int)refused.StatusCode} {refused.Message}) ; {position}.",
                sent.ToList(), e),
            SmtpCommandException { ErrorCode: SmtpErrorCode.SenderNotAccepted } refused => new EmailDeliveryException(
                EmailFailure.SenderRefused,
                $"Le serveur SMTP {host}:{port} a refusé l'expéditeur {refused.Mailbox} ({(int)refused.StatusCode} {refused.Message}) ; {position}.",
                sent.ToList(), e),
            SmtpCommandException refused => new EmailDeliveryException(
                EmailFailure.MessageRefused,
                $"Le serveur SMTP {host}:{port} a refusé le message ({(int)refused.StatusCode} {refused.Message}) ; {position}.",
                sent.ToList(), e),
            _ => new EmailDeliveryException(
                EmailFailure.Connection,
                $"Connexion au serveur SMTP {host}:{port} interrompue pendant l'envoi : {e.Message} ; {position}.",
                sent.ToList(), e),
        };
    }

    private async Task<IReadOnlyList<SentEmail>> WriteToPickupAsync(List<Built> messages, Func<int, Task<bool>> beforeEach, Func<int, SentEmail, Task>? onEachSent, CancellationToken ct)
    {
        var sent = new List<SentEmail>(messages.Count);
        for (var index = 0; index < messages.Count; index++)
        {
            var (message, messageId, builtAt) = messages[index];
            if (!await beforeEach(index))
            {
                continue;
            }

            string path;
            try
            {
                path = await WriteFileAsync(message, messageId, builtAt, ct);
            }
            catch (Exception e) when (!CallerCancelled(e, ct))
            {
                throw new EmailDeliveryException(EmailFailure.PickupDirectory,
                    $"Écriture du courriel (Message-ID {messageId}) dans le dossier de dépôt {_pickupDirectory} impossible : {e.Message}",
                    sent.ToList(), e);
            }

            var written = new SentEmail(messageId, message.Date, path);
            sent.Add(written);
            await AfterEachAsync(onEachSent, index, written, last: index == messages.Count - 1, ct);
        }

        _logger.LogInformation("{Count} courriel(s) déposé(s) dans {Directory}.", sent.Count, _pickupDirectory);
        return sent;
    }

    private async Task<string> WriteFileAsync(MimeMessage message, string messageId, DateTimeOffset builtAt, CancellationToken ct)
    {
        Directory.CreateDirectory(_pickupDirectory);

        // UTC so that names keep sorting by time across daylight-saving changes; the hash keeps two
        // messages of the same millisecond apart.
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(messageId)))[..16];
        var name = $"{builtAt.UtcDateTime:yyyyMMdd-HHmmss-fff}-{hash}.eml";
        var path = Path.Combine(_pickupDirectory, name);

        // Written under another extension then renamed in the same directory (an atomic rename), so a
        // reader listing *.eml never opens half a message.
        var temporary = Path.Combine(_pickupDirectory, $".{name}.{Guid.NewGuid():N}.tmp");
        try
        {
            // An SMTP relay would pick the transfer encodings; a file must be readable by any client as is.
            message.Prepare(EncodingConstraint.SevenBit);
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
            {
                await message.WriteToAsync(stream, ct);
                await stream.FlushAsync(ct);
            }

            File.Move(temporary, path, overwrite: false);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }

        return path;
    }
}
