using TotangoReports.Definition;

namespace TotangoReports;

/// <summary>How <see cref="ReportEngine.RunAsync"/> runs the whole job: the data options, plus where files go and what is mailed.</summary>
public sealed record RunOptions : BuildOptions
{
    /// <summary>The folder the outputs and <c>run.json</c> are moved into, all at once, when every stage succeeded.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>Render only the definition's outputs of these formats; null = every output.</summary>
    public IReadOnlySet<OutputFormat>? Formats { get; init; }

    /// <summary>Send the definition's <c>delivery.email</c>. Default true.</summary>
    public bool SendEmail { get; init; } = true;

    /// <summary>
    /// With <see cref="ReportSource.Sample"/>: send the definition's mail anyway (its subject marked as sample).
    /// Default false: made-up accounts never reach real recipients by accident.
    /// </summary>
    public bool SendSampleMail { get; init; }

    /// <summary>
    /// Hold the run when the report has any warning (an empty dataset, a path, activity or window no account has, a
    /// failed expression): every warning is logged and <see cref="Delivery.ReportHeldException"/> thrown before
    /// anything is written or mailed. Default false.
    /// </summary>
    public bool Strict { get; init; }

    /// <summary>
    /// Deliver even when a <c>checks:</c> entry fails (each failure becomes a warning). Default false: a failed check
    /// holds the run (<see cref="Delivery.ReportHeldException"/>) before anything is written or mailed.
    /// </summary>
    public bool Force { get; init; }
}
