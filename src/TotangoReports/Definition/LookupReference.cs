namespace TotangoReports.Definition;

/// <summary>Another dataset's column, read by account id (<c>lookup: renewals.CSM</c>).</summary>
/// <param name="Dataset">The dataset's name.</param>
/// <param name="Column">The column's name in it.</param>
internal sealed record LookupReference(string Dataset, string Column)
{
    public override string ToString() => $"{Dataset}.{Column}";
}
