namespace TotangoReports.Definition;

/// <summary>Which records a Search API dataset reads.</summary>
internal enum SearchEntity
{
    /// <summary><c>/api/v1/search/accounts</c>.</summary>
    Accounts,

    /// <summary><c>/api/v1/search/users</c>: one row per user, with its parent account's fields.</summary>
    Users,

    /// <summary><c>/api/v2/events/search</c>: one row per timeline event; <c>offset</c> is a page number there.</summary>
    Events,
}

/// <summary>One returned field: the name its value gets under <c>fields.</c>, and the spec sent to the API.</summary>
/// <param name="Name">The key under <c>fields</c> in the record (and the <c>field_display_name</c> sent).</param>
/// <param name="SpecJson">The field spec as a JSON object, passed through as written.</param>
internal sealed record SearchField(string Name, string SpecJson);

/// <summary>
/// A <c>source: search</c> dataset (PRODUCT.md §4b, totango-search-api.md): terms and fields as the API takes them,
/// validated for shape only and passed through.
/// </summary>
internal sealed class SearchDefinition
{
    /// <summary>The API's page-size maximum, and the default.</summary>
    public const int MaxCount = 1000;

    /// <summary>At most this many records can be reached through one query (<c>offset + count ≤ 10000</c>).</summary>
    public const int RecordCap = 10_000;

    public SearchEntity Entity { get; init; } = SearchEntity.Accounts;

    /// <summary>The <c>terms</c> array as JSON, e.g. <c>[]</c> for every account.</summary>
    public string TermsJson { get; init; } = "[]";

    public IReadOnlyList<SearchField> Fields { get; init; } = [];

    /// <summary>Users only: <c>parent_account_fields</c>, each read as <c>account.fields.&lt;name&gt;</c>.</summary>
    public IReadOnlyList<SearchField> ParentFields { get; init; } = [];

    /// <summary><c>sort_by</c>, or null for the API's default (<c>display_name</c>).</summary>
    public string? SortBy { get; init; }

    /// <summary><c>sort_order: DESC</c>.</summary>
    public bool Descending { get; init; }

    /// <summary>Page size, 1..1000.</summary>
    public int Count { get; init; } = MaxCount;

    /// <summary>A number or date field (by name) whose ranges split a query matching more than the cap, or null.</summary>
    public string? SplitBy { get; init; }
}
