using Microsoft.Extensions.Logging;
using TotangoReports.Definition;
using TotangoReports.Delivery;

namespace TotangoReports.Runs;

/// <summary>
/// What a run itself has to say beyond the data's warnings — a mail it did not send and why, a watermark it left —
/// printed on stderr as it happens and kept for <c>run.json</c>, so the manifest holds every warning that was printed.
/// </summary>
internal sealed class RunNotes(ILogger log)
{
    private readonly List<string> _warnings = [];

    public IReadOnlyList<string> Warnings => _warnings;

    /// <summary>Why the definition's mail is not sent; null when it is (or the definition has none).</summary>
    public string? MailSkippedBecause { get; private set; }

    public void Warn(string warning)
    {
        _warnings.Add(warning);
        log.LogWarning("{Warning}", warning);
    }

    /// <param name="warn">A surprise worth a warning (and a line in <c>warnings</c>), not a choice the user made.</param>
    /// <param name="inform">Say it on stderr as information.</param>
    public void SkipMail(string reason, bool warn = false, bool inform = false)
    {
        MailSkippedBecause = reason;
        if (warn)
        {
            Warn(reason);
        }
        else if (inform)
        {
            log.LogInformation("not sending the report mail: {Reason}", reason);
        }
    }

    /// <summary>The manifest's <c>email</c> block for a mail that was skipped, or null.</summary>
    public ManifestEmail? SkippedMail(ReportDefinition definition) =>
        MailSkippedBecause is { } reason && definition.Delivery?.Email is { } email
            ? new ManifestEmail(email.To.Count + email.Cc.Count + email.Bcc.Count, null, [], 0, ManifestEmail.Skipped, reason)
            : null;
}
