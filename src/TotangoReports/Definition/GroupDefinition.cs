namespace TotangoReports.Definition;

/// <summary>Group rows by a column and compute named aggregates (<c>count</c>, <c>sum(X)</c>, <c>avg(X)</c>, <c>min(X)</c>, <c>max(X)</c>).</summary>
public sealed class GroupDefinition
{
    /// <summary>The column to group by.</summary>
    public required string By { get; init; }

    /// <summary>Aggregate name → expression, in the order written.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Aggregates { get; init; } = [];

    /// <summary>Where it was written.</summary>
    public SourceLocation Location { get; init; }
}
