namespace TotangoReports.Delivery;

/// <summary>
/// Some recipients did not accept the report mail while others did: the files and <c>run.json</c> were written, the
/// mail is kept in the output folder, and <c>totango-reports resend OUT</c> (<see cref="ReportEngine.ResendAsync"/>)
/// sends it to those recipients only. The CLI exits 6.
/// </summary>
public sealed class MailNotAcceptedException : Exception
{
    /// <summary>Creates the exception naming the recipients that did not accept the mail.</summary>
    public MailNotAcceptedException(string message, IReadOnlyList<string> recipients)
        : base(message)
    {
        Recipients = recipients ?? [];
    }

    /// <summary>The addresses that did not accept the mail (with their burst value when there is one).</summary>
    public IReadOnlyList<string> Recipients { get; }
}
