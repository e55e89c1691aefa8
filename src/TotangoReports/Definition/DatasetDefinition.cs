namespace TotangoReports.Definition;

/// <summary>Which view of an active list is read.</summary>
public enum ListEndpoint
{
    /// <summary>The accounts on the list now.</summary>
    Current,
    /// <summary>Accounts that entered the list since <c>since</c>.</summary>
    Recent,
    /// <summary>Accounts that left the list since <c>since</c>.</summary>
    Past,
}

/// <summary>The API's <c>return</c> values. <see cref="Summary"/> means none was sent.</summary>
public enum ReturnType
{
    /// <summary>Only the account summary.</summary>
    Summary,
    /// <summary>Activity and usage statistics.</summary>
    Stats,
    /// <summary>The account's users.</summary>
    Users,
    /// <summary>Lifecycle (status) history.</summary>
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
    /// <summary>Dataset name, unique in the definition.</summary>
    public required string Name { get; init; }

    /// <summary>Active-list id as written (digits in practice; kept as text so ids are never reformatted).</summary>
    public required string List { get; init; }

    /// <summary>The Search API query of a <c>source: search</c> dataset (then <see cref="List"/> is empty), or null.</summary>
    internal SearchDefinition? Search { get; init; }

    /// <summary>Which view of the list. Default current.</summary>
    public ListEndpoint Endpoint { get; init; } = ListEndpoint.Current;

    /// <summary>Raw <c>since</c> value (<c>7d</c>, <c>24h</c>, <c>2026-11-01</c>, unix seconds, <c>last-run</c>); recent/past only.</summary>
    public string? Since { get; init; }

    /// <summary>Return types as written; empty = inferred from the columns.</summary>
    public IReadOnlyList<ReturnType> Return { get; init; } = [];

    /// <summary>The columns, in order.</summary>
    public IReadOnlyList<ColumnDefinition> Columns { get; init; } = [];

    /// <summary>The activity pivot, or null.</summary>
    public ActivitiesDefinition? Activities { get; init; }

    /// <summary>A Scriban condition rows must meet, or null.</summary>
    public string? Filter { get; init; }

    /// <summary>Sort keys, column names; a leading <c>-</c> sorts descending.</summary>
    public IReadOnlyList<string> Sort { get; init; } = [];

    /// <summary>Keep at most this many rows (after sort), or null for all.</summary>
    public int? Limit { get; init; }

    /// <summary>Group rows (the group table), or null.</summary>
    public GroupDefinition? Group { get; init; }

    /// <summary>Where it was written.</summary>
    public SourceLocation Location { get; init; }

    /// <summary>Where each key of this dataset was written, for diagnostics raised after parsing (e.g. <c>filter</c>).</summary>
    public IReadOnlyDictionary<string, SourceLocation> KeyLocations { get; init; } =
        new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
}
