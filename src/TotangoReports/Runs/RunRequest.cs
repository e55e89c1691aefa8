using TotangoReports.Definition;

namespace TotangoReports.Runs;

public enum DataSourceKind
{
    /// <summary>The Totango Data API (needs a token).</summary>
    Live,

    /// <summary>The built-in deterministic sample data set; nothing is fetched.</summary>
    Sample,

    /// <summary>Raw pages saved by <c>fetch --save</c>.</summary>
    Snapshot,
}

/// <summary>One <c>run</c>: which definition, from which data, into which folder, with which overrides.</summary>
public sealed record RunRequest
{
    public required string DefinitionPath { get; init; }

    public string OutputDirectory { get; init; } = "out";

    /// <summary>Render only outputs of these formats (<c>--format</c>); null = every output.</summary>
    public IReadOnlySet<OutputFormat>? Formats { get; init; }

    /// <summary><c>--param NAME=VALUE</c> overrides.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public DataSourceKind Source { get; init; } = DataSourceKind.Live;

    public string? SnapshotDirectory { get; init; }

    /// <summary><c>--since</c>: overrides every dataset's <c>since</c>.</summary>
    public string? Since { get; init; }

    /// <summary><c>--state</c>; default <c>.totango-reports-state.json</c> beside the definition.</summary>
    public string? StatePath { get; init; }

    public bool NoEmail { get; init; }

    /// <summary><c>--send-sample-mail</c>: a <c>--sample</c> run mails its (marked) report; otherwise it sends none.</summary>
    public bool SendSampleMail { get; init; }

    /// <summary><c>--as-of</c>: the run's "now" (since, dates, the sample data's anchor); null = the clock.</summary>
    public DateTimeOffset? AsOf { get; init; }

    public bool AllowPartial { get; init; }

    /// <summary><c>--strict</c>: any warning (0 rows, a path no account has, a failed expression) holds the run: exit 7, nothing delivered.</summary>
    public bool Strict { get; init; }
}
