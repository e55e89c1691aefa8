using Microsoft.Extensions.Logging;
using TotangoReports.Data;
using TotangoReports.Definition;
using TotangoReports.Delivery;
using TotangoReports.Delivery.Internal;

namespace TotangoReports.Runs;

/// <summary>What was mailed: the roll-up's mail (null when the run sends none) and every recipient's status.</summary>
/// <param name="Outbox">The run's messages and each recipient's status; null when the run mails nothing.</param>
internal sealed record Delivered(ManifestEmail? Email, Outbox? Outbox)
{
    /// <summary>Recipients that did not accept their message (address, with the burst value when there is one).</summary>
    public IReadOnlyList<string> Failed =>
        Outbox?.Recipients.Where(r => r.Recipient.Status == Delivery.Outbox.Failed).Select(r => Describe(r.Message, r.Recipient)).ToList() ?? [];

    /// <summary>Whether every recipient that was to get a mail accepted it.</summary>
    public bool AllAccepted => Outbox is null || !Outbox.AnyPending;

    public static string Describe(OutboxMessage message, OutboxRecipient recipient) =>
        message.Burst is null ? recipient.Address : $"{recipient.Address} ({message.Burst})";
}

/// <summary>
/// Stage 4: the mail. Each message (the roll-up, each burst value) is composed from its own staged files and kept in
/// the run's <see cref="Outbox"/>; then it is sent to each recipient over its own SMTP transaction, before any file
/// is moved into place. When no recipient accepted, the run fails as a whole (exit 6, the files unchanged): nobody got
/// it, so the next run sends it to no one twice. When some accepted, the files are written, the mail stays in the
/// outbox for <c>resend</c>, and the run exits 6 naming who did not get it.
/// </summary>
internal sealed class DeliverStage(TimeProvider time, ILogger log, Logging.SecretRedactor? redactor = null)
{
    /// <summary>The roll-up's message into <paramref name="outbox"/> (or skipped by <c>when:</c>, with the reason); its manifest entry.</summary>
    public ManifestEmail ComposeRollUp(Report report, RunPlan plan, RenderedOutputs rendered, IReadOnlyList<StagedFile> files, Outbox outbox, RunNotes notes, string? skipBecause, CancellationToken cancellationToken)
    {
        var email = plan.Email!;
        var recipients = email.To.Concat(email.Cc).Concat(email.Bcc).ToList();
        if (skipBecause is not null)
        {
            log.LogInformation("not sending the report mail: {Reason}", skipBecause);
            outbox.AddSkipped(null, recipients, skipBecause);
            return new ManifestEmail(recipients.Count, null, [], 0, ManifestEmail.Skipped, skipBecause);
        }

        foreach (var missing in EmailComposer.MissingAttachments(email, rendered.Staged))
        {
            var format = missing.ToString().ToLowerInvariant();
            notes.Warn($"delivery.email.attach names {format}, but this run rendered no {format} output; it is not attached");
        }

        var content = EmailComposer.Compose(report, email, rendered.Outputs, rendered.Staged, cancellationToken, files);
        var message = MimeBuilder.Build(content, plan.Smtp!.From!);
        outbox.Add(null, message, recipients);
        return new ManifestEmail(recipients.Count, content.Subject, content.Attachments.Select(a => a.FileName).ToList(), MimeBuilder.MeasureBytes(message));
    }

    /// <summary>One burst value's message, to its own addresses, attaching only its own files.</summary>
    public static void ComposeBurst(Report report, RunPlan plan, IReadOnlyList<StagedFile> files, StagedOutputs staged, IReadOnlyList<string> recipients, Outbox outbox, CancellationToken cancellationToken)
    {
        var content = EmailComposer.Compose(report, plan.Email!, plan.Outputs, staged, cancellationToken, files, recipients);
        outbox.Add(report.BurstValue, MimeBuilder.Build(content, plan.Smtp!.From!), recipients);
    }

    /// <summary>Sends every message to every recipient once; throws when there was someone to mail and nobody accepted.</summary>
    public async Task<Delivered> SendAsync(ManifestEmail? rollUp, RunPlan plan, Outbox outbox, CancellationToken cancellationToken)
    {
        outbox.Save();
        await new OutboxSender(plan.Smtp!, time, log, redactor).SendPendingAsync(outbox, cancellationToken).ConfigureAwait(false);
        var tried = outbox.Recipients.Where(r => r.Recipient.Status != Outbox.Skipped).ToList();
        if (tried.Count > 0 && tried.TrueForAll(r => r.Recipient.Status == Outbox.Failed))
        {
            // Nobody has it: fail the run as a whole, so the next run is the one that delivers.
            outbox.Delete();
            var first = tried[0].Recipient.Reason;
            var who = string.Join(", ", tried.Select(r => Delivered.Describe(r.Message, r.Recipient)));
            throw new EmailDeliveryException($"{first} (no recipient accepted the mail: {who})");
        }

        var delivered = new Delivered(rollUp, outbox);
        if (rollUp is not null && rollUp.Status == ManifestEmail.Sent && outbox.Status.Messages.Find(m => m.Burst is null) is { } message
            && message.Recipients.Exists(r => r.Status == Outbox.Failed))
        {
            delivered = delivered with { Email = rollUp with { Status = ManifestEmail.Failed, Reason = "not accepted by " + string.Join(", ", message.Recipients.Where(r => r.Status == Outbox.Failed).Select(r => r.Address)) } };
        }

        return delivered;
    }

    /// <summary>run.json's per-recipient list.</summary>
    public static IReadOnlyList<ManifestDelivery> Manifest(Outbox? outbox) =>
        outbox?.Recipients.Select(r => new ManifestDelivery(r.Message.Burst, r.Recipient.Address, r.Recipient.Status, r.Recipient.Reason)).ToList() ?? [];
}
