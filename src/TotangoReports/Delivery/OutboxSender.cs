using Microsoft.Extensions.Logging;
using TotangoReports.Configuration;
using TotangoReports.Logging;

namespace TotangoReports.Delivery;

/// <summary>
/// Sends an <see cref="Outbox"/>'s messages to every recipient not yet accepted, one recipient per SMTP transaction,
/// saving the status after each so that a recipient who accepted is never sent to again (not by this run, not by
/// <c>resend</c>).
/// </summary>
internal sealed class OutboxSender(SmtpOptions smtp, TimeProvider time, ILogger log, SecretRedactor? redactor = null)
{
    /// <summary>Sends what is pending or failed; returns the bytes sent to the first recipient of each message, by message.</summary>
    public async Task<IReadOnlyDictionary<OutboxMessage, long>> SendPendingAsync(Outbox outbox, CancellationToken cancellationToken)
    {
        var sender = new EmailSender(smtp, time, log);
        var sizes = new Dictionary<OutboxMessage, long>();
        foreach (var message in outbox.Status.Messages.Where(m => m.File is not null))
        {
            var waiting = message.Recipients.Where(r => r.Status is Outbox.Pending or Outbox.Failed).ToList();
            if (waiting.Count == 0)
            {
                continue;
            }

            var mime = outbox.Load(message);
            foreach (var recipient in waiting)
            {
                try
                {
                    sizes[message] = await sender.SendToAsync(mime, recipient.Address, cancellationToken).ConfigureAwait(false);
                    recipient.Status = Outbox.Sent;
                    recipient.Reason = null;
                }
                catch (EmailDeliveryException ex)
                {
                    recipient.Status = Outbox.Failed;
                    // status.json lies in the output folder, and an embedder's logger redacts nothing: never a secret in
                    // either, even one a server echoed.
                    recipient.Reason = redactor?.Redact(ex.Message) ?? ex.Message;
                    log.LogWarning("the mail to {Recipient} was not accepted: {Reason}", recipient.Address, recipient.Reason);
                }

                outbox.Save();
            }
        }

        return sizes;
    }
}
