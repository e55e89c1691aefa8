namespace TotangoReports.Delivery;

/// <summary>What goes into the mail, independent of transport: built by the run, sent by <see cref="EmailSender"/>.</summary>
internal sealed class EmailContent
{
    public required IReadOnlyList<string> To { get; init; }

    public IReadOnlyList<string> Cc { get; init; } = [];

    public IReadOnlyList<string> Bcc { get; init; } = [];

    public required string Subject { get; init; }

    /// <summary>The HTML body, referring to <see cref="InlineImages"/> as <c>cid:</c> URLs; null for a plain-text mail.</summary>
    public string? HtmlBody { get; init; }

    public required string TextBody { get; init; }

    public IReadOnlyList<EmailInlineImage> InlineImages { get; init; } = [];

    public IReadOnlyList<EmailAttachment> Attachments { get; init; } = [];
}

/// <summary>A PNG shown in the HTML body (Gmail and Outlook do not render inline SVG).</summary>
internal sealed record EmailInlineImage(string ContentId, string FileName, byte[] Png);

/// <summary>A file attached under <paramref name="FileName"/> (the name it has on disk), read from <paramref name="SourcePath"/>.</summary>
internal sealed record EmailAttachment(string FileName, string SourcePath, string MediaType);
