namespace TotangoReports.Api;

/// <summary>How a dataset was read, for the manifest and progress (PRODUCT.md §5 manifest).</summary>
public sealed record FetchSummary
{
    /// <summary><c>total_items</c> the API reported.</summary>
    public long TotalItems { get; init; }

    /// <summary>Pages read.</summary>
    public int Pages { get; init; }

    /// <summary>HTTP requests made (pages, re-reads and retries).</summary>
    public int Requests { get; init; }

    /// <summary>Requests that were retries.</summary>
    public int Retries { get; init; }

    /// <summary>Whether every account the API counted was read.</summary>
    public bool Complete { get; init; } = true;

    /// <summary>Human-readable notes on what was missing when <see cref="Complete"/> is false.</summary>
    public IReadOnlyList<string> Gaps { get; init; } = [];
}
