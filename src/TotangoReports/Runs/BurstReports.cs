using TotangoReports.Data;

namespace TotangoReports.Runs;

/// <summary>
/// One burst value's report, made from the whole one: the summary dataset holds only that value's rows, with the
/// groups and summary <see cref="BurstSlice"/> computed from them (the builders of the whole table, not a second
/// implementation). Every other dataset keeps only the rows of the value's accounts (by account id); their group
/// tables are left out, since they were computed over every owner's rows. Users and lifecycle rows follow the accounts.
/// </summary>
internal static class BurstReports
{
    public static Report For(Report whole, DatasetTable summaryTable, BurstSlice slice)
    {
        var ids = new HashSet<string>(slice.RowIndexes.Select(i => summaryTable.Rows[i].AccountId), StringComparer.Ordinal);
        var tables = whole.Datasets.Select(table => ReferenceEquals(table, summaryTable) ? Summary(table, slice, ids) : Other(table, ids)).ToList();
        return new Report
        {
            Definition = whole.Definition,
            GeneratedAt = whole.GeneratedAt,
            TimeZone = whole.TimeZone,
            Parameters = whole.Parameters,
            Datasets = tables,
            Warnings = whole.Warnings,
            IsSample = whole.IsSample,
            BurstValue = slice.Value,
        };
    }

    private static DatasetTable Summary(DatasetTable table, BurstSlice slice, HashSet<string> ids) => new()
    {
        Name = table.Name,
        Columns = table.Columns,
        Rows = slice.RowIndexes.Select(i => table.Rows[i]).ToList(),
        Groups = slice.Groups,
        Summary = slice.Summary,
        Users = table.Users?.Where(u => ids.Contains(u.AccountId)).ToList(),
        Lifecycle = table.Lifecycle?.Where(l => ids.Contains(l.AccountId)).ToList(),
        Accounts = table.Accounts.Where(a => ids.Contains(a.AccountId)).ToList(),
        Fetch = table.Fetch,
    };

    private static DatasetTable Other(DatasetTable table, HashSet<string> ids) => new()
    {
        Name = table.Name,
        Columns = table.Columns,
        Rows = table.Rows.Where(r => ids.Contains(r.AccountId)).ToList(),
        Groups = null,
        Summary = null,
        Users = table.Users?.Where(u => ids.Contains(u.AccountId)).ToList(),
        Lifecycle = table.Lifecycle?.Where(l => ids.Contains(l.AccountId)).ToList(),
        Accounts = table.Accounts.Where(a => ids.Contains(a.AccountId)).ToList(),
        Fetch = table.Fetch,
    };
}
