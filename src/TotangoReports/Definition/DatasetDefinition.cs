namespace TotangoReports.Definition;

public enum ListEndpoint
{
    Current,
    Recent,
    Past,
}

/// <summary>The API's <c>return</c> values. <see cref="Summary"/> means none was sent.</summary>
public enum ReturnType
{
    Summary,
    Stats,
    Users,
    Lifecycle,

    /// <summary>
    /// <c>return=all</c>: stats, users and lifecycle in one record. accountsEngagement.php sends it; the vendor page
    /// does not list it, so a server may refuse it (400).
    /// </summary>
    All,
}

/// <summary>One table of the report: an active list, what to fetch, and how to turn accounts into rows.</summary>
public sealed class DatasetDefinition
{
    public required string Name { get; init; }

    /// <summary>Active-list id as written (digits in practice; kept as text so ids are never reformatted).</summary>
    public required string List { get; init; }

    public ListEndpoint Endpoint { get; init; } = ListEndpoint.Current;

    /// <summary>Raw <c>since</c> value (<c>7d</c>, <c>24h</c>, <c>2026-11-01</c>, unix seconds, <c>last-run</c>); recent/past only.</summary>
    public string? Since { get; init; }

    /// <summary>Return types as written; empty = inferred from the columns.</summary>
    public IReadOnlyList<ReturnType> Return { get; init; } = [];

    public IReadOnlyList<ColumnDefinition> Columns { get; init; } = [];

    public ActivitiesDefinition? Activities { get; init; }

    public string? Filter { get; init; }

    /// <summary>Sort keys, column names; a leading <c>-</c> sorts descending.</summary>
    public IReadOnlyList<string> Sort { get; init; } = [];

    public int? Limit { get; init; }

    public GroupDefinition? Group { get; init; }

    public SourceLocation Location { get; init; }

    /// <summary>Where each key of this dataset was written, for diagnostics raised after parsing (e.g. <c>filter</c>).</summary>
    public IReadOnlyDictionary<string, SourceLocation> KeyLocations { get; init; } =
        new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
}
