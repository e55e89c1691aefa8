using System.Globalization;
using System.Text.Json.Nodes;
using CsvHelper;
using TotangoReports.Emulator;
using TotangoReports.Sample;

namespace TotangoReports.Tests.Cli;

/// <summary>
/// The parity definitions against the emulator over loopback, in every activity shape: their CSV must equal what the
/// vendor's scripts compute from the same raw pages (read here with a plain HTTP client and JSON nodes, paging by
/// page index until total_items as the scripts do), and be byte-identical whatever the shape.
/// </summary>
public sealed class ScriptParityTests
{
    private const string Token = "parity-token-3c1d";
    private const int Accounts = 260;

    private static readonly string[] Activities = ["create-task", "delegate-task", "report-complete", "login"];
    private static readonly string[] Windows = ["past_7d", "past_30d", "past_90d"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<EmulatorHost> StartAsync(ActivityShape shape) => EmulatorHost.StartAsync(
        new EmulatorOptions
        {
            Port = 0,
            Accounts = Accounts,
            Seed = 3,
            Token = Token,
            Shape = new SampleShape { Activities = shape, ExtraWindows = true, Frequency = true },
        },
        Ct);

    /// <summary>Every account of list 1 with return=stats, paged as the scripts page (offset = page index).</summary>
    private static async Task<List<JsonNode>> RawAccountsAsync(EmulatorHost host)
    {
        using var http = new HttpClient { BaseAddress = host.BaseUrl };
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", Token);
        var accounts = new List<JsonNode>();
        var total = int.MaxValue;
        for (var page = 0; accounts.Count < total; page++)
        {
            var body = JsonNode.Parse(await http.GetStringAsync(new Uri($"api/v1/accounts/active_list/1/current.json?return=stats&length=100&offset={page}", UriKind.Relative), Ct))!;
            total = body["total_items"]!.GetValue<int>();
            var batch = body["accounts"]!.AsArray();
            batch.Count.ShouldBeGreaterThan(0);
            accounts.AddRange(batch.Select(a => a!));
        }

        return accounts;
    }

    /// <summary>The script's count: the window's entries whose name equals the activity ignoring case, summed; else 0.</summary>
    private static long Count(JsonNode account, string window, string activity)
    {
        var stats = account["stats"]!;
        var block = stats["activities"]?[window];
        IEnumerable<(string Name, JsonNode? Count)> entries =
            block?["actions"] is JsonObject actions ? actions.Select(p => (p.Key, p.Value))
            : (block?["activities"] ?? stats[window]?["activities"]) is JsonArray list ? list.Select(e => (e!["name"]!.GetValue<string>(), e["current"]))
            : [];
        return entries.Where(e => string.Equals(e.Name, activity, StringComparison.OrdinalIgnoreCase))
            .Sum(e => long.Parse(e.Count!.ToString(), CultureInfo.InvariantCulture));
    }

    /// <summary>PHP's date('m/d/y H:i') of a unix-milliseconds value, in UTC (the definition's time zone).</summary>
    private static string ScriptDate(JsonNode? millis) =>
        DateTimeOffset.FromUnixTimeMilliseconds(millis!.GetValue<long>()).UtcDateTime.ToString("MM/dd/yy HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Our one deliberate change to cell text: formula-looking text gets a leading apostrophe (OWASP).</summary>
    private static string Neutralised(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    private static string Number(JsonNode? node) => node is null ? string.Empty : double.Parse(node.ToString(), CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);

    private static List<string[]> ReadCsv(string path, out string[] headers)
    {
        using var reader = CsvReader.Create(File.ReadAllBytes(path), new CsvReaderOptions { HasHeader = true });
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(reader.Current.ToArray());
        }

        headers = reader.Headers.ToArray();
        return rows;
    }

    private static async Task<(string Activities, string Engagement)> RunParityDefinitionsAsync(EmulatorHost host, CliHarness cli, string outDir)
    {
        cli.Variables["TOTANGO_BASE_URL"] = host.BaseUrl.ToString();
        cli.Variables["TOTANGO_API_TOKEN"] = Token;
        cli.Variables["Totango__PageSize"] = "100";
        foreach (var name in new[] { "activities-export.yaml", "engagement.yaml" })
        {
            var result = await cli.RunAsync("run", cli.CopySampleConfig(name), "--format", "csv", "--out", outDir, "--quiet");
            result.ExitCode.ShouldBe(0, result.ToString());
        }

        return (cli.PathOf(outDir, "activities-export.csv"), cli.PathOf(outDir, "engagement.csv"));
    }

    [Fact]
    public async Task ParityDefinitions_InEveryShape_EqualTheScriptsCountsFromTheRawPages_ByteForByte()
    {
        using var cli = new CliHarness();
        var csv = new Dictionary<ActivityShape, (byte[] Activities, byte[] Engagement)>();
        List<JsonNode>? raw = null;
        string? activitiesPath = null;
        string? engagementPath = null;
        foreach (var shape in new[] { ActivityShape.Scripts, ActivityShape.Actions, ActivityShape.Legacy })
        {
            await using var host = await StartAsync(shape);
            var (activities, engagement) = await RunParityDefinitionsAsync(host, cli, "out-" + shape);
            csv[shape] = (File.ReadAllBytes(activities), File.ReadAllBytes(engagement));
            if (shape == ActivityShape.Scripts)
            {
                // The expectation comes from the shape the scripts really read.
                raw = await RawAccountsAsync(host);
                (activitiesPath, engagementPath) = (activities, engagement);
            }
        }

        raw.ShouldNotBeNull().Count.ShouldBe(Accounts);
        var activityRows = ReadCsv(activitiesPath!, out var activityHeaders);
        activityHeaders.ShouldBe(["account-id", "account-name", "first-activity", "last-activity",
            .. Activities.SelectMany(a => Windows.Select(w => $"{a}_{w[5..]}"))]);
        activityRows.Count.ShouldBe(raw.Count);
        long nonZero = 0;
        for (var i = 0; i < raw.Count; i++)
        {
            var account = raw[i];
            string[] expected =
            [
                account["account_id"]!.GetValue<string>(),
                Neutralised(account["name"]!.GetValue<string>()),
                ScriptDate(account["stats"]!["first_activity"]),
                ScriptDate(account["stats"]!["last_activity"]),
                .. Activities.SelectMany(a => Windows.Select(w => Count(account, w, a).ToString(CultureInfo.InvariantCulture))),
            ];
            activityRows[i].ShouldBe(expected, $"row {i + 1}");
            nonZero += expected.Skip(4).Count(c => c != "0");
        }

        nonZero.ShouldBeGreaterThan(raw.Count);

        var engagementRows = ReadCsv(engagementPath!, out var engagementHeaders);
        engagementHeaders.ShouldBe(["Account ID", "Account", "Score", "Health", "Visit frequency",
            "Active users 3d", "Active users 7d", "Active users 14d", "Active users 30d", "Active users 90d"]);
        for (var i = 0; i < raw.Count; i++)
        {
            var account = raw[i];
            string[] expected =
            [
                account["account_id"]!.GetValue<string>(),
                Neutralised(account["name"]!.GetValue<string>()),
                Number(account["engagement"]!["score"]!["current"]),
                account["engagement"]!["health"]!["current"]!.GetValue<string>(),
                Number(account["frequency"]!["current"]),
                .. new[] { "past_3d", "past_7d", "past_14d", "past_30d", "past_90d" }.Select(w => Number(account["stats"]!["users"]![w]!["all"])),
            ];
            engagementRows[i].ShouldBe(expected, $"row {i + 1}");
        }

        csv[ActivityShape.Actions].Activities.ShouldBe(csv[ActivityShape.Scripts].Activities);
        csv[ActivityShape.Legacy].Activities.ShouldBe(csv[ActivityShape.Scripts].Activities);
        csv[ActivityShape.Actions].Engagement.ShouldBe(csv[ActivityShape.Scripts].Engagement);
        csv[ActivityShape.Legacy].Engagement.ShouldBe(csv[ActivityShape.Scripts].Engagement);
    }
}
