namespace TotangoReports.Data.Internal;

/// <summary>The one-row-per-user and one-row-per-status-change tables, for the accounts in the final table.</summary>
internal static class SideTables
{
    private const double MillisecondsPerDay = 86_400_000d;

    public static List<UserRow> Users(IEnumerable<ProjectedAccount> accounts, ReportContext context)
    {
        var now = context.Now.ToUnixTimeMilliseconds();
        var rows = new List<UserRow>();
        foreach (var account in accounts)
        {
            foreach (var user in account.Users ?? [])
            {
                rows.Add(new UserRow(
                    account.Id,
                    account.Name ?? string.Empty,
                    user.Name,
                    Time(user.FirstUsage, context),
                    Time(user.LastUsage, context),
                    user.LastUsage is { } last ? WholeDays(now - last) : null));
            }
        }

        return rows;
    }

    /// <summary>Each status lasts until the next change; the current one until now.</summary>
    public static List<LifecycleRow> Lifecycle(IEnumerable<ProjectedAccount> accounts, ReportContext context)
    {
        var now = context.Now.ToUnixTimeMilliseconds();
        var rows = new List<LifecycleRow>();
        foreach (var account in accounts)
        {
            var entries = account.Lifecycle ?? [];
            for (var i = 0; i < entries.Length; i++)
            {
                var end = i + 1 < entries.Length ? entries[i + 1].Changed : now;
                double? days = entries[i].Changed is { } start && end is { } stop ? WholeDays(stop - start) : null;
                rows.Add(new LifecycleRow(account.Id, account.Name ?? string.Empty, entries[i].Status, Time(entries[i].Changed, context), days));
            }
        }

        return rows;
    }

    private static DateTimeOffset? Time(long? unixMilliseconds, ReportContext context) =>
        unixMilliseconds is { } ms ? CellReader.FromUnixMilliseconds(ms, context.TimeZone) : null;

    // Whole days elapsed; a time slightly in the future (clock skew) counts as today, not as -1.
    private static double WholeDays(long milliseconds) => Math.Max(0, Math.Floor(milliseconds / MillisecondsPerDay));
}
