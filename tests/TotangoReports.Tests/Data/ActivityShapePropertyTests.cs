using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using TotangoReports.Data;
using TotangoReports.Definition;
using TotangoReports.Rendering.Csv;
using static TotangoReports.Tests.Data.DataKit;

namespace TotangoReports.Tests.Data;

/// <summary>
/// Property: one set of accounts written in each shape the API is known to send gives byte-identical CSV, and that CSV
/// holds the counts summed case-insensitively, as the vendor's script sums them.
/// </summary>
public sealed class ActivityShapePropertyTests
{
    private static readonly string[] Names = ["Login", "create-task", "Add Task"];

    // past_60d is on no page: the server decides which windows exist.
    private static readonly string[] Windows = ["past_1d", "past_7d", "past_30d", "past_60d"];

    private sealed record Account(string Id, double? Frequency, Dictionary<string, List<(string Name, int Count, bool AsText)>> Windows);

    private static List<Account> RandomAccounts(int seed)
    {
        var random = new Random(seed);
        var accounts = new List<Account>();
        for (var i = 0; i < 40; i++)
        {
            var windows = new Dictionary<string, List<(string, int, bool)>>();
            foreach (var window in Windows.Where(_ => random.NextDouble() < 0.8))
            {
                // Names in random case, sometimes twice in one window in different case (the script adds them up).
                var entries = new List<(string, int, bool)>();
                var used = new HashSet<string>(StringComparer.Ordinal);
                foreach (var name in Names.Concat(["export-report"]).Where(_ => random.NextDouble() < 0.7))
                {
                    var spelled = random.Next(3) switch { 0 => name, 1 => name.ToUpperInvariant(), _ => name.ToLowerInvariant() };
                    if (used.Add(spelled))
                    {
                        entries.Add((spelled, random.Next(0, 5000), random.NextDouble() < 0.3));
                    }
                }

                windows[window] = entries;
            }

            var frequency = random.NextDouble() < 0.9 ? Math.Round(random.NextDouble() * 20, 1) : (double?)null;
            accounts.Add(new Account($"a{seed}-{i}", frequency, windows));
        }

        return accounts;
    }

    private static JsonValue CountNode(int count, bool asText) => asText ? JsonValue.Create(count.ToString(CultureInfo.InvariantCulture)) : JsonValue.Create(count);

    private static JsonArray NameCurrentList(List<(string Name, int Count, bool AsText)> entries) =>
        [.. entries.Select(e => (JsonNode)new JsonObject { ["name"] = e.Name, ["current"] = CountNode(e.Count, e.AsText) })];

    /// <summary>The account as a server in <paramref name="shape"/> sends it.</summary>
    private static string Write(Account account, string shape)
    {
        var root = new JsonObject { ["account_id"] = account.Id, ["name"] = "Name " + account.Id };
        if (account.Frequency is { } frequency)
        {
            root["frequency"] = new JsonObject { ["current"] = frequency };
        }

        var stats = new JsonObject();
        var activities = new JsonObject();
        foreach (var (window, entries) in account.Windows)
        {
            var all = entries.Sum(e => e.Count);
            switch (shape)
            {
                case "page":
                    var actions = new JsonObject();
                    foreach (var e in entries)
                    {
                        actions[e.Name] = CountNode(e.Count, e.AsText);
                    }

                    activities[window] = new JsonObject { ["all"] = all, ["actions"] = actions, ["modules"] = new JsonObject() };
                    break;
                case "scripts":
                    activities[window] = new JsonObject { ["all"] = all, ["activities"] = NameCurrentList(entries) };
                    break;
                default:
                    stats[window] = new JsonObject { ["activities"] = NameCurrentList(entries) };
                    break;
            }
        }

        if (shape != "legacy")
        {
            stats["activities"] = activities;
        }

        stats["last_activity"] = 1_764_000_000_000;
        root["stats"] = stats;
        return root.ToJsonString();
    }

    private static async Task<byte[]> CsvAsync(DatasetTable table)
    {
        var report = new Report
        {
            Definition = Fixtures.TestReports.Definition(),
            GeneratedAt = Now,
            TimeZone = TimeZoneInfo.Utc,
            Datasets = [table],
        };
        using var stream = new MemoryStream();
        await new CsvRenderer().RenderAsync(report, new OutputDefinition { Format = OutputFormat.Csv, File = "p.csv" }, stream, TestContext.Current.CancellationToken);
        return stream.ToArray();
    }

    private static DatasetDefinition Parity() => new()
    {
        Name = "activity",
        List = "1",
        Return = [ReturnType.Stats],
        Columns = [Path("account-id", "account_id"), Path("frequency", "frequency.current"), Path("last-activity", "stats.last_activity", ColumnType.DateTime)],
        Activities = new ActivitiesDefinition { Names = Names, Windows = Windows, Header = "{activity}_{window}" },
    };

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public async Task SameAccounts_InEveryShape_GiveByteIdenticalCsv_WithCountsSummedIgnoringCase(int seed)
    {
        var accounts = RandomAccounts(seed);

        var csv = new Dictionary<string, byte[]>();
        foreach (var shape in new[] { "page", "scripts", "legacy" })
        {
            var (table, _) = Build(Parity(), [.. accounts.Select(a => Write(a, shape))]);
            csv[shape] = await CsvAsync(table);
        }

        csv["scripts"].ShouldBe(csv["page"]);
        csv["legacy"].ShouldBe(csv["page"]);
        var lines = Encoding.UTF8.GetString(csv["page"]).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("account-id,frequency,last-activity," + string.Join(',', Names.SelectMany(n => Windows.Select(w => $"{n}_{w[5..]}"))));
        for (var i = 0; i < accounts.Count; i++)
        {
            var a = accounts[i];
            var expected = Names.SelectMany(n => Windows.Select(w =>
                a.Windows.TryGetValue(w, out var entries) ? entries.Where(e => string.Equals(e.Name, n, StringComparison.OrdinalIgnoreCase)).Sum(e => e.Count) : 0));
            var frequency = a.Frequency?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
            lines[i + 1].ShouldBe($"{a.Id},{frequency},2025-11-24 16:00:00," + string.Join(',', expected.Select(c => c.ToString(CultureInfo.InvariantCulture))));
        }
    }
}
