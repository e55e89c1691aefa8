using System.Text.Json;
using TotangoReports.Api;
using TotangoReports.Data;
using TotangoReports.Definition;

namespace TotangoReports.Tests.Data;

/// <summary>Builds datasets from JSON text the way the fetch pipeline feeds them.</summary>
internal static class DataKit
{
    public static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    public static ReportContext Context(string zone = "UTC", IReadOnlyDictionary<string, string>? parameters = null) =>
        new(TimeZoneInfo.FindSystemTimeZoneById(zone), parameters ?? new Dictionary<string, string>(), Now);

    public static JsonElement Json(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public static DatasetDefinition Dataset(params ColumnDefinition[] columns) => new()
    {
        Name = "accounts",
        List = "1",
        Return = [ReturnType.Stats],
        Columns = columns,
    };

    public static ColumnDefinition Path(string name, string path, ColumnType type = ColumnType.Auto, string? format = null) =>
        new() { Name = name, Path = path, Type = type, Format = format };

    public static ColumnDefinition Expr(string name, string expr, ColumnType type = ColumnType.Auto) =>
        new() { Name = name, Expr = expr, Type = type };

    public static (DatasetTable Table, IReadOnlyList<string> Warnings) Build(DatasetDefinition dataset, ReportContext context, params string[] accounts) =>
        Build(dataset, context, accounts.Select(a => (ReturnType.Stats, a)).ToArray());

    public static (DatasetTable Table, IReadOnlyList<string> Warnings) Build(DatasetDefinition dataset, params string[] accounts) =>
        Build(dataset, Context(), accounts);

    public static (DatasetTable Table, IReadOnlyList<string> Warnings) Build(DatasetDefinition dataset, ReportContext context, (ReturnType Type, string Json)[] records)
    {
        var builder = new DatasetBuilder(dataset, context);
        foreach (var (type, json) in records)
        {
            builder.Add(type, Json(json));
        }

        var table = builder.Build(new FetchSummary());
        return (table, builder.Warnings);
    }

    public static object? Cell(this DatasetTable table, int row, string column)
    {
        var index = table.ColumnIndex(column);
        index.ShouldBeGreaterThanOrEqualTo(0, $"no column '{column}'");
        return table.Rows[row][index];
    }

    public static List<object?> ColumnValues(this DatasetTable table, string column) =>
        table.Rows.Select(r => r[table.ColumnIndex(column)]).ToList();
}
