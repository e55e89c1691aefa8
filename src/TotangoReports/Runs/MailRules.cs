using TotangoReports.Data;
using TotangoReports.Definition;

namespace TotangoReports.Runs;

/// <summary><c>delivery.email.when</c>: whether a message is sent, decided per scope (the roll-up, each burst value).</summary>
internal static class MailRules
{
    /// <summary>Why the roll-up's mail is not sent under its <c>when:</c>; null = it is sent.</summary>
    public static string? SkipRollUp(Report report) =>
        report.Definition.Delivery?.Email?.When == MailWhen.NotEmpty && report.Summary.Rows == 0
            ? $"when: not-empty, and the summary dataset '{report.Summary.Dataset}' has 0 rows"
            : null;
}
