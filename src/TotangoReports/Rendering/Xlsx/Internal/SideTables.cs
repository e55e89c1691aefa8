using TotangoReports.Data;

namespace TotangoReports.Rendering.Xlsx.Internal;

/// <summary>Users and lifecycle rows as ordinary typed tables, so one sheet writer serves every table.</summary>
internal static class SideTables
{
    public static IReadOnlyList<TableColumn> UserColumns { get; } =
    [
        new("Account ID", CellKind.Text),
        new("Account", CellKind.Text),
        new("User", CellKind.Text),
        new("First usage", CellKind.DateTime),
        new("Last usage", CellKind.DateTime),
        new("Days since last usage", CellKind.Number, "0"),
    ];

    public static IReadOnlyList<TableColumn> LifecycleColumns { get; } =
    [
        new("Account ID", CellKind.Text),
        new("Account", CellKind.Text),
        new("Status", CellKind.Text),
        new("Changed", CellKind.DateTime),
        new("Days in status", CellKind.Number, "0"),
    ];

    public static IReadOnlyList<TableRow> UserRows(IReadOnlyList<UserRow> users) =>
        users.Select(u => new TableRow(u.AccountId, [u.AccountId, u.AccountName, u.User, u.FirstUsage, u.LastUsage, u.DaysSinceLastUsage])).ToList();

    public static IReadOnlyList<TableRow> LifecycleRows(IReadOnlyList<LifecycleRow> changes) =>
        changes.Select(l => new TableRow(l.AccountId, [l.AccountId, l.AccountName, l.Status, l.Changed, l.DaysInStatus])).ToList();
}
