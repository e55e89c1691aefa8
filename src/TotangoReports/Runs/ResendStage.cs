using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using TotangoReports.Configuration;
using TotangoReports.Definition;
using TotangoReports.Delivery;
using TotangoReports.Logging;

namespace TotangoReports.Runs;

/// <summary>
/// <c>resend OUT</c>: the kept mail of the last run sent to the recipients that have not accepted it, each once; the
/// kept status after every recipient and <c>run.json</c> at the end are replaced atomically, and the kept mail is
/// removed once nobody waits for it. A recipient that accepted is never sent to again.
/// </summary>
internal sealed class ResendStage(SmtpOptions? smtp, TimeProvider time, ILogger log, SecretRedactor redactor)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    public async Task<int> RunAsync(string outputDirectory, CancellationToken cancellationToken)
    {
        Outbox? outbox;
        try
        {
            outbox = Outbox.Open(outputDirectory);
        }
        catch (InvalidDataException ex)
        {
            throw new ReportInputException(ReportInputError.InvalidState, ex.Message, outputDirectory, innerException: ex);
        }

        if (outbox is null || !outbox.AnyPending)
        {
            log.LogInformation("nothing to resend in {Folder}: every recipient of its last run accepted the mail, or it sent none", outputDirectory);
            return 0;
        }

        var settings = smtp ?? new SmtpOptions();
        if (settings.Validate() is { Count: > 0 } problems)
        {
            var detail = string.Join("; ", problems);
            throw new ReportInputException(ReportInputError.EmailNotConfigured, $"resend {outputDirectory}: {detail}; fix the SMTP configuration", outputDirectory, detail);
        }

        var before = outbox.Recipients.Count(r => r.Recipient.Status == Outbox.Sent);
        await new OutboxSender(settings, time, log, redactor).SendPendingAsync(outbox, cancellationToken).ConfigureAwait(false);
        var sent = outbox.Recipients.Count(r => r.Recipient.Status == Outbox.Sent) - before;
        UpdateManifest(outputDirectory, outbox);
        var failed = outbox.Recipients.Where(r => r.Recipient.Status == Outbox.Failed).Select(r => Delivered.Describe(r.Message, r.Recipient)).ToList();
        if (failed.Count > 0)
        {
            throw new MailNotAcceptedException($"the mail was still not accepted by {failed.Count} recipient(s): {string.Join(", ", failed)}; {sent} accepted it now. Run resend again when their mailboxes are fixed.", failed);
        }

        outbox.Delete();
        log.LogInformation("resent the mail to {Count} recipient(s); every recipient has it now", sent);
        return sent;
    }

    /// <summary>run.json's <c>deliveries</c> (and the roll-up's <c>email.status</c>) as the kept status now says.</summary>
    private void UpdateManifest(string outputDirectory, Outbox outbox)
    {
        var path = Path.Combine(Path.GetFullPath(outputDirectory), RunManifest.FileName);
        if (!File.Exists(path) || JsonNode.Parse(File.ReadAllText(path)) is not JsonObject manifest)
        {
            return;
        }

        manifest["deliveries"] = JsonSerializer.SerializeToNode(DeliverStage.Manifest(outbox), Json);
        if (manifest["email"] is JsonObject email && outbox.Status.Messages.Find(m => m.Burst is null && m.File is not null) is { } rollUp
            && rollUp.Recipients.TrueForAll(r => r.Status == Outbox.Sent))
        {
            email["status"] = ManifestEmail.Sent;
            email.Remove("reason");
        }

        var temp = path + ".resend.tmp";
        File.WriteAllText(temp, redactor.Redact(manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })));
        File.Move(temp, path, overwrite: true);
    }
}
