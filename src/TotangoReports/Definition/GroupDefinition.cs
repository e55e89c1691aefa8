namespace TotangoReports.Definition;

/// <summary>Group rows by a column and compute named aggregates (<c>count</c>, <c>sum(X)</c>, <c>avg(X)</c>, <c>min(X)</c>, <c>max(X)</c>).</summary>
public sealed class GroupDefinition
{
    /// <summary>The column to group by.</summary>
    public required string By { get; init; }

    /// <summary>Aggregate name → expression, in the order written.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Aggregates { get; init; } = [];

    /// <summary>Group keys listed first, in this order (the rest follow in key order); null = key order.</summary>
    public IReadOnlyList<string>? OrderValues { get; init; }

    /// <summary>Order by this aggregate's value (a name from <see cref="Aggregates"/>), descending when <see cref="OrderDescending"/>.</summary>
    public string? OrderBy { get; init; }

    /// <summary>Whether <see cref="OrderBy"/> sorts descending (written with a leading <c>-</c>).</summary>
    public bool OrderDescending { get; init; }

    /// <summary><c>total: true</c>: a grand-total row after the groups, its aggregates over every row.</summary>
    public bool Total { get; init; }

    /// <summary>Where it was written.</summary>
    public SourceLocation Location { get; init; }
}
