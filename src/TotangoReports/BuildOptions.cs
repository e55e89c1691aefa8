namespace TotangoReports;

/// <summary>How <see cref="ReportEngine.BuildAsync"/> reads a definition's data. Every property is optional.</summary>
public record BuildOptions
{
    /// <summary>Parameter values overriding the definition's defaults; every name must be declared by the definition.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Overrides every recent/past dataset's <c>since</c> (<c>7d</c>, <c>24h</c>, <c>2026-11-01</c>, unix seconds, <c>last-run</c>).</summary>
    public string? Since { get; init; }

    /// <summary>
    /// The run's "now" (<c>since</c>, dates, the sample data's anchor); null = <see cref="ReportEngineOptions.Time"/>.
    /// For backfills, tests and demos: a run with it never moves a <c>since: last-run</c> watermark.
    /// </summary>
    public DateTimeOffset? AsOf { get; init; }

    /// <summary>State file of <c>since: last-run</c>. Default <c>.totango-reports-state.json</c> beside the definition.</summary>
    public string? StatePath { get; init; }

    /// <summary>
    /// Go on when a list could not be read whole (the manifest and the report's warnings say what is missing).
    /// Default false: <see cref="Api.DataIncompleteException"/>.
    /// </summary>
    public bool AllowPartial { get; init; }
}
