using Microsoft.Extensions.Logging;
using TotangoReports.Delivery;

namespace TotangoReports.Runs;

/// <summary>What was mailed: null when the run sends no mail.</summary>
internal sealed record Delivered(ManifestEmail? Email);

/// <summary>Stage 4: the report mail, composed from the staged files and sent before any file is moved into place.</summary>
internal sealed class DeliverStage(TimeProvider time, ILogger log)
{
    public async Task<Delivered> RunAsync(BuiltReport built, RunPlan plan, RenderedOutputs rendered, RunNotes notes, CancellationToken cancellationToken)
    {
        if (plan.Email is not { } email)
        {
            return new Delivered(null);
        }

        foreach (var missing in EmailComposer.MissingAttachments(email, rendered.Staged))
        {
            var format = missing.ToString().ToLowerInvariant();
            notes.Warn($"delivery.email.attach names {format}, but this run rendered no {format} output; it is not attached");
        }

        var content = EmailComposer.Compose(built.Report, email, rendered.Outputs, rendered.Staged, cancellationToken);
        var bytes = await new EmailSender(plan.Smtp!, time, log).SendAsync(content, cancellationToken).ConfigureAwait(false);
        return new Delivered(new ManifestEmail(content.To.Count + content.Cc.Count + content.Bcc.Count, content.Subject, content.Attachments.Select(a => a.FileName).ToList(), bytes));
    }
}
