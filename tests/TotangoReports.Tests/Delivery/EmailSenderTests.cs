using Microsoft.Extensions.Time.Testing;
using SmtpServer.Protocol;
using TotangoReports.Configuration;
using TotangoReports.Delivery;

namespace TotangoReports.Tests.Delivery;

public sealed class EmailSenderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("email-tests-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static SmtpOptions Smtp(LoopbackSmtpServer server) => new()
    {
        Host = "127.0.0.1",
        Port = server.Port,
        From = "reports@example.com",
        UseTls = false,
        TimeoutSeconds = 10,
        MaxRetries = 2,
        RetryDelay = TimeSpan.FromSeconds(5),
    };

    private EmailContent Content()
    {
        var xlsx = Path.Combine(_folder, "weekly-usage-2026-11-23.xlsx");
        var pdf = Path.Combine(_folder, "weekly-usage.pdf");
        File.WriteAllBytes(xlsx, Enumerable.Range(0, 5000).Select(i => (byte)(i * 7)).ToArray());
        File.WriteAllBytes(pdf, "%PDF-1.7 test"u8.ToArray());
        return new EmailContent
        {
            To = ["exec1@example.com", "exec2@example.com"],
            Cc = ["ops@example.com"],
            Subject = "Weekly usage — 2026-11-23",
            HtmlBody = "<html><body><h1>Weekly</h1><img src=\"cid:chart-health@totango-reports\"></body></html>",
            TextBody = "Weekly usage",
            InlineImages = [new EmailInlineImage("chart-health@totango-reports", "health.png", [0x89, 0x50, 0x4E, 0x47, 1, 2, 3])],
            Attachments =
            [
                new EmailAttachment(Path.GetFileName(xlsx), xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                new EmailAttachment(Path.GetFileName(pdf), pdf, "application/pdf"),
            ],
        };
    }

    [Fact]
    public async Task Send_DeliversOneMessage_WithBodyInlineChartAndAttachmentsEqualToFiles()
    {
        await using var server = LoopbackSmtpServer.Start();
        var content = Content();

        await new EmailSender(Smtp(server)).SendAsync(content, TestContext.Current.CancellationToken);

        var message = server.Accepted.ShouldHaveSingleItem();
        message.To.Mailboxes.Select(m => m.Address).ShouldBe(["exec1@example.com", "exec2@example.com"]);
        message.Cc.Mailboxes.Single().Address.ShouldBe("ops@example.com");
        message.Subject.ShouldBe("Weekly usage — 2026-11-23");
        message.HtmlBody!.ShouldContain("cid:chart-health@totango-reports");
        message.TextBody!.ShouldContain("Weekly usage");
        var inline = message.BodyParts.OfType<MimeKit.MimePart>().Single(p => p.ContentId == "chart-health@totango-reports");
        inline.ContentType.MimeType.ShouldBe("image/png");
        var attachments = message.Attachments.OfType<MimeKit.MimePart>().ToList();
        attachments.Select(a => a.FileName).ShouldBe(["weekly-usage-2026-11-23.xlsx", "weekly-usage.pdf"]);
        attachments[1].ContentType.MimeType.ShouldBe("application/pdf");
        foreach (var (part, source) in attachments.Zip(content.Attachments))
        {
            using var decoded = new MemoryStream();
            part.Content!.DecodeTo(decoded, TestContext.Current.CancellationToken);
            decoded.ToArray().ShouldBe(File.ReadAllBytes(source.SourcePath));
        }
    }

    [Fact]
    public async Task Send_RetriesATemporaryRefusal_ThenDeliversExactlyOnce()
    {
        await using var server = LoopbackSmtpServer.Start(0, (SmtpReplyCode)451);
        var time = new FakeTimeProvider();
        var sender = new EmailSender(Smtp(server), time);

        var sending = sender.SendAsync(Content(), TestContext.Current.CancellationToken);
        while (server.Attempts < 1 && !sending.IsCompleted)
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        // The back-off waits on the injected clock: advance it instead of sleeping.
        while (!sending.IsCompleted)
        {
            time.Advance(TimeSpan.FromSeconds(5));
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        await sending;
        server.Attempts.ShouldBe(2);
        server.Accepted.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Send_PermanentRefusal_FailsWithoutRetry()
    {
        await using var server = LoopbackSmtpServer.Start(0, SmtpReplyCode.MailboxUnavailable);

        var error = await Should.ThrowAsync<EmailDeliveryException>(() =>
            new EmailSender(Smtp(server)).SendAsync(Content(), TestContext.Current.CancellationToken));

        error.Message.ShouldContain("550");
        server.Attempts.ShouldBe(1);
        server.Accepted.ShouldBeEmpty();
    }

    [Fact]
    public async Task Send_MessageLargerThanServerSize_FailsBeforeSending_NamingBothSizes()
    {
        await using var server = LoopbackSmtpServer.Start(maxMessageSize: 4000);

        var error = await Should.ThrowAsync<EmailDeliveryException>(() =>
            new EmailSender(Smtp(server)).SendAsync(Content(), TestContext.Current.CancellationToken));

        error.Message.ShouldContain("4,000 bytes");
        error.Message.ShouldContain("base64");
        server.Attempts.ShouldBe(0);
    }

    [Fact]
    public async Task Send_WithoutHost_SaysWhichSettingIsMissing()
    {
        var error = await Should.ThrowAsync<EmailDeliveryException>(() =>
            new EmailSender(new SmtpOptions { From = "a@b.c" }).SendAsync(Content(), TestContext.Current.CancellationToken));

        error.Message.ShouldContain("Smtp__Host");
    }
}
