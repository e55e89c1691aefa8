using TotangoReports.Configuration;
using TotangoReports.Definition;

namespace TotangoReports.Runs;

/// <summary>
/// What a run will write and send, decided before anything is fetched so that a run that cannot finish fails early.
/// </summary>
/// <param name="Email">The mail to send, or null; <paramref name="Smtp"/> is set whenever it is.</param>
internal sealed record RunPlan(IReadOnlyList<OutputDefinition> Outputs, EmailDeliveryDefinition? Email, SmtpOptions? Smtp)
{
    /// <summary>
    /// A live run with a mail but no usable SMTP settings is an input error. A sample run mails only when
    /// <paramref name="sendSampleMail"/> says so (made-up accounts must not reach real recipients by accident); a
    /// sample or snapshot run without SMTP skips the mail with a warning. Every skipped mail is noted in
    /// <paramref name="notes"/> for <c>run.json</c>.
    /// </summary>
    /// <param name="formats">Render only outputs of these formats; null = every output.</param>
    /// <param name="source">Where the data comes from: a sample or snapshot is a demo.</param>
    public static RunPlan Create(ReportDefinition definition, IReadOnlySet<OutputFormat>? formats, bool sendEmail, bool sendSampleMail, SmtpOptions? smtp, SourceKind source, RunNotes notes)
    {
        var outputs = SelectOutputs(definition, formats);
        if (definition.Delivery?.Email is not { } email)
        {
            return new RunPlan(outputs, null, null);
        }

        if (!sendEmail)
        {
            notes.SkipMail("--no-email");
            return new RunPlan(outputs, null, null);
        }

        if (source == SourceKind.Sample && !sendSampleMail)
        {
            notes.SkipMail("a --sample run sends no mail unless --send-sample-mail is given (RunOptions.SendSampleMail)", inform: true);
            return new RunPlan(outputs, null, null);
        }

        smtp ??= new SmtpOptions();
        var problems = smtp.Validate();
        if (problems.Count == 0)
        {
            return new RunPlan(outputs, email, smtp);
        }

        // Set but wrong (an empty port, a From that is no address) is a mistake to fix before anything is fetched.
        if (source is not (SourceKind.Sample or SourceKind.Snapshot) || smtp.IsConfigured)
        {
            var detail = string.Join("; ", problems);
            throw new ReportInputException(
                ReportInputError.EmailNotConfigured,
                $"{definition.SourcePath} sends email, but {detail}; fix the SMTP configuration (ReportEngineOptions.Smtp) or turn the mail off (RunOptions.SendEmail)",
                definition.SourcePath,
                detail);
        }

        notes.SkipMail($"not sending the report mail: {string.Join("; ", problems)}. A sample or snapshot run mails only when SMTP is configured", warn: true);
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
