using TotangoReports.Api;

namespace TotangoReports.Data;

/// <summary>A dataset turned into a table: filtered, sorted, limited; with its groups and side tables.</summary>
public sealed class DatasetTable
{
    /// <summary>The dataset's name from the definition (sheet names, CSV selection, template access).</summary>
    public required string Name { get; init; }

    /// <summary>The columns, in order.</summary>
    public required IReadOnlyList<TableColumn> Columns { get; init; }

    /// <summary>The rows, after filter, sort and limit.</summary>
    public required IReadOnlyList<TableRow> Rows { get; init; }

    /// <summary>The group table (<c>group:</c>), or null.</summary>
    public GroupTable? Groups { get; init; }

    /// <summary>KPIs and chart series computed from <see cref="Rows"/>; null for tables built by hand (the report then derives the defaults from <see cref="Accounts"/>).</summary>
    public ReportSummary? Summary { get; init; }

    /// <summary>Present when <c>users</c> was fetched.</summary>
    public IReadOnlyList<UserRow>? Users { get; init; }

    /// <summary>Present when <c>lifecycle</c> was fetched.</summary>
    public IReadOnlyList<LifecycleRow>? Lifecycle { get; init; }

    /// <summary>Per account (all fetched accounts, before filter/limit), for KPI tiles and charts.</summary>
    public IReadOnlyList<AccountFacts> Accounts { get; init; } = [];

    /// <summary>How the dataset was read.</summary>
    public FetchSummary Fetch { get; init; } = new();

    /// <summary>
    /// The columns the history store records for this dataset (its value columns: never <c>change</c>,
    /// <c>previous</c> or <c>trend</c>); null = <see cref="Columns"/>.
    /// </summary>
    internal IReadOnlyList<TableColumn>? RecordedColumns => Recorded?.Columns;

    /// <summary>
    /// Every fetched account's cells for <see cref="RecordedColumns"/>, before filter and limit, marked with whether
    /// the table shows it; null = <see cref="Rows"/>, all shown (a table built by hand).
    /// </summary>
    internal IReadOnlyList<History.HistoryRow>? RecordedRows => Recorded?.Rows;

    /// <summary>What the history store records of this table, held by column, taken at the run's now; null = not recorded.</summary>
    internal History.HistorySnapshot? Recorded { get; init; }

    /// <summary>
    /// <c>burst:</c> on the summary dataset: one slice per distinct non-empty value of the burst column, in ordinal
    /// order; null when the report does not burst (or this is not the summary dataset).
    /// </summary>
    internal IReadOnlyList<BurstSlice>? Bursts { get; init; }

    /// <summary>Index of the column named <paramref name="name"/>, or -1.</summary>
    public int ColumnIndex(string name)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (string.Equals(Columns[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
