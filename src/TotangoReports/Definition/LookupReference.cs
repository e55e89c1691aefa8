namespace TotangoReports.Definition;

/// <summary>
/// Another dataset's column, read by account id (<c>lookup: renewals.CSM</c>); or, with <see cref="Aggregate"/>, an
/// aggregate over that dataset's rows with the account's id (<c>lookup: touches</c>, <c>aggregate: max(Date)</c>).
/// </summary>
/// <param name="Dataset">The dataset's name.</param>
/// <param name="Column">The column's name in it; empty for an aggregate.</param>
internal sealed record LookupReference(string Dataset, string Column)
{
    /// <summary>An aggregate (<c>count</c>, <c>count(EXPR)</c>, <c>max(C)</c>, …) over the other dataset's rows of the account, or null.</summary>
    public string? Aggregate { get; init; }

    public override string ToString() => Aggregate is null ? $"{Dataset}.{Column}" : $"{Dataset}: {Aggregate}";
}
