namespace TotangoReports.Api;

/// <summary>How a dataset was read, for the manifest and progress (PRODUCT.md §5 manifest).</summary>
public sealed record FetchSummary
{
    public long TotalItems { get; init; }

    public int Pages { get; init; }

    public int Requests { get; init; }

    public int Retries { get; init; }

    public bool Complete { get; init; } = true;

    /// <summary>Human-readable notes on what was missing when <see cref="Complete"/> is false.</summary>
    public IReadOnlyList<string> Gaps { get; init; } = [];
}
