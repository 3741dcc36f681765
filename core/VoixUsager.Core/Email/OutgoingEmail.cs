namespace VoixUsager.Email;

public sealed record EmailRecipient(string Address, string? Name = null);

public sealed record EmailAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>An image the HTML body shows with <c>&lt;img src="cid:{ContentId}"&gt;</c>.</summary>
public sealed record EmailInlineImage(string ContentId, string ContentType, byte[] Content);

/// <summary>One message to send. <see cref="TextBody"/> is always sent, for clients that do not show HTML.</summary>
public sealed record OutgoingEmail(
    IReadOnlyList<EmailRecipient> To,
    string Subject,
    string TextBody,
    string? HtmlBody,
    IReadOnlyList<EmailAttachment> Attachments,
    IReadOnlyList<EmailInlineImage> InlineImages)
{
    /// <summary>
    /// The Message-ID to give the message (without angle brackets); null for a new unique one. A message
    /// that may be sent again after a crash keeps the same one, so mail clients show it once.
    /// </summary>
    public string? MessageId { get; init; }

    /// <summary>A text (and optionally HTML) message to one recipient, without attachments or images.</summary>
    public static OutgoingEmail Simple(string toAddress, string? toName, string subject, string textBody, string? htmlBody = null) =>
        new([new EmailRecipient(toAddress, toName)], subject, textBody, htmlBody, [], []);
}

/// <summary>
/// A message the server accepted (or the pickup directory received). <see cref="MessageId"/> is the
/// Message-ID header without angle brackets, as MimeKit reads it back.
/// </summary>
public sealed record SentEmail(string MessageId, DateTimeOffset Date, string? PickupFile);
