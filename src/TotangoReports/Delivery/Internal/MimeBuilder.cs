using MimeKit;
using MimeKit.Utils;

namespace TotangoReports.Delivery.Internal;

/// <summary>
/// Builds the MIME tree: mixed { alternative { text/plain, related { text/html, image/png… } }, attachments… }.
/// </summary>
internal static class MimeBuilder
{
    public static MimeMessage Build(EmailContent content, string from)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.AddRange(content.To.Select(MailboxAddress.Parse));
        message.Cc.AddRange(content.Cc.Select(MailboxAddress.Parse));
        message.Bcc.AddRange(content.Bcc.Select(MailboxAddress.Parse));

        // A subject is one header line: a template that produced newlines must not inject headers.
        message.Subject = content.Subject.ReplaceLineEndings(" ").Trim();
        message.MessageId = MimeUtils.GenerateMessageId("totango-reports");

        var builder = new BodyBuilder { TextBody = content.TextBody };
        if (content.HtmlBody is not null)
        {
            builder.HtmlBody = content.HtmlBody;
            foreach (var image in content.InlineImages)
            {
                var part = builder.LinkedResources.Add(image.FileName, image.Png, new ContentType("image", "png"));
                part.ContentId = image.ContentId;
            }
        }

        foreach (var attachment in content.Attachments)
        {
            var type = ContentType.Parse(attachment.MediaType);
            builder.Attachments.Add(attachment.FileName, File.ReadAllBytes(attachment.SourcePath), type);
        }

        message.Body = builder.ToMessageBody();
        return message;
    }

    /// <summary>The exact size on the wire (base64 and all), as SMTP SIZE counts it.</summary>
    public static long MeasureBytes(MimeMessage message)
    {
        using var counter = new MimeKit.IO.MeasuringStream();
        message.WriteTo(FormatOptions.Default, counter);
        return counter.Length;
    }

    public static string MediaTypeFor(string format) => format switch
    {
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "pdf" => "application/pdf",
        "html" => "text/html; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        _ => "application/octet-stream",
    };
}
