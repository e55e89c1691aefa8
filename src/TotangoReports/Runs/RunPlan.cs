using Microsoft.Extensions.Logging;
using TotangoReports.Configuration;
using TotangoReports.Definition;

namespace TotangoReports.Runs;

/// <summary>
/// What a run will write and send, decided before anything is fetched so that a run that cannot finish fails early.
/// </summary>
/// <param name="Email">The mail to send, or null; <paramref name="Smtp"/> is set whenever it is.</param>
internal sealed record RunPlan(IReadOnlyList<OutputDefinition> Outputs, EmailDeliveryDefinition? Email, SmtpOptions? Smtp)
{
    /// <param name="demo">
    /// A sample or snapshot run: a mail without SMTP settings is skipped with a warning instead of failing.
    /// </param>
    /// <param name="formats">Render only outputs of these formats; null = every output.</param>
    public static RunPlan Create(ReportDefinition definition, IReadOnlySet<OutputFormat>? formats, bool sendEmail, SmtpOptions? smtp, bool demo, ILogger log)
    {
        var outputs = SelectOutputs(definition, formats);
        if (!sendEmail || definition.Delivery?.Email is not { } email)
        {
            return new RunPlan(outputs, null, null);
        }

        smtp ??= new SmtpOptions();
        var problems = smtp.Validate();
        if (problems.Count == 0)
        {
            return new RunPlan(outputs, email, smtp);
        }

        if (!demo)
        {
            var detail = string.Join("; ", problems);
            throw new ReportInputException(
                ReportInputError.EmailNotConfigured,
                $"{definition.SourcePath} sends email, but {detail}; configure SMTP (ReportEngineOptions.Smtp) or turn the mail off (RunOptions.SendEmail)",
                definition.SourcePath,
                detail);
        }

        log.LogWarning("not sending the report mail: {Problems}. A sample or snapshot run mails only when SMTP is configured", string.Join("; ", problems));
        return new RunPlan(outputs, null, null);
    }

    private static List<OutputDefinition> SelectOutputs(ReportDefinition definition, IReadOnlySet<OutputFormat>? formats)
    {
        var outputs = definition.Outputs.Where(o => formats is null || formats.Contains(o.Format)).ToList();
        if (outputs.Count == 0)
        {
            var asked = formats is null ? "any format" : string.Join(",", formats).ToLowerInvariant();

            // Point at the outputs the user would edit, so the message carries file:line:col like every definition error.
            var where = definition.Outputs.Count > 0 ? definition.Outputs[0].Location.ToString() : definition.SourcePath;
            var detail = $"the definition has no output of {asked}";
            throw new ReportInputException(ReportInputError.NoMatchingOutput, $"{where}: {detail}; add one under 'outputs' or ask for other formats", where, detail);
        }

        return outputs;
    }
}
