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

    /// <summary>
    /// A SQLite file to use as the store (the <c>since: last-run</c> watermarks and the history), overriding
    /// <see cref="ReportEngineOptions.Store"/>; null = the store options decide (default <c>.totango-reports.db</c>
    /// beside the definition). It used to name the JSON state file of earlier versions, which is now imported into the store
    /// and renamed <c>.migrated</c> on first use.
    /// </summary>
    public string? StatePath { get; init; }

    /// <summary>
    /// Go on when a list could not be read whole (the manifest and the report's warnings say what is missing).
    /// Default false: <see cref="Api.DataIncompleteException"/>.
    /// </summary>
    public bool AllowPartial { get; init; }
}
