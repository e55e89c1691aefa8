namespace TotangoReports.Definition;

/// <summary>Group rows by a column and compute named aggregates (<c>count</c>, <c>sum(X)</c>, <c>avg(X)</c>, <c>min(X)</c>, <c>max(X)</c>).</summary>
public sealed class GroupDefinition
{
    public required string By { get; init; }

    /// <summary>Aggregate name → expression, in the order written.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Aggregates { get; init; } = [];

    /// <summary>Group keys listed first, in this order (the rest follow in key order); null = key order.</summary>
    public IReadOnlyList<string>? OrderValues { get; init; }

    /// <summary>Order by this aggregate's value (a name from <see cref="Aggregates"/>), descending when <see cref="OrderDescending"/>.</summary>
    public string? OrderBy { get; init; }

    public bool OrderDescending { get; init; }

    /// <summary><c>total: true</c>: a grand-total row after the groups, its aggregates over every row.</summary>
    public bool Total { get; init; }

    public SourceLocation Location { get; init; }
}
