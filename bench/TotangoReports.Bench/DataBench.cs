using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using TotangoReports.Api;
using TotangoReports.Data;
using TotangoReports.Definition;

namespace TotangoReports.Bench;

/// <summary>
/// Projects 100,000 synthetic stats accounts (pages of 1,000, parsed and released one at a time as the fetch pipeline
/// does) through the example definition of PRODUCT.md §4 without filter or limit, so every row is kept.
/// </summary>
internal sealed class DataBench : IBenchmark
{
    private static readonly string[] Windows = ["realtime_today", "past_1d", "past_3d", "past_7d", "past_14d", "past_30d", "past_90d"];
    private static readonly string[] Actions = ["create-task", "delegate-task", "report-complete", "Login", "export", "share", "comment", "invite"];
    private static readonly string[] Regions = ["EMEA", "APAC", "NA", "LATAM"];

    public string Name => "data";

    public string Description => "DatasetBuilder: project 100,000 stats accounts into a table (time, peak working set)";

    public Task<int> RunAsync(bool smoke, TextWriter output, CancellationToken cancellationToken)
    {
        var accounts = smoke ? 2_000 : 100_000;
        const int pageSize = 1_000;
        var context = new ReportContext(TimeZoneInfo.FindSystemTimeZoneById("Europe/London"), new Dictionary<string, string>(), DateTimeOffset.UtcNow);
        var dataset = Definition();

        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var total = Stopwatch.StartNew();
        var builder = new DatasetBuilder(dataset, context);
        var random = new Random(42);
        var buffer = new ArrayBufferWriter<byte>(4 * 1024 * 1024);
        long jsonBytes = 0;
        var generating = new Stopwatch();
        var projectCpu = TimeSpan.Zero;
        using var process = Process.GetCurrentProcess();
        for (var first = 0; first < accounts; first += pageSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // Making the synthetic page stands in for the network: it is not part of the measured work.
            generating.Start();
            buffer.ResetWrittenCount();
            WritePage(buffer, random, first, Math.Min(pageSize, accounts - first));
            jsonBytes += buffer.WrittenCount;
            generating.Stop();
            var cpu = Cpu(process);
            using var page = JsonDocument.Parse(buffer.WrittenMemory);
            foreach (var account in page.RootElement.GetProperty("accounts").EnumerateArray())
            {
                builder.Add(ReturnType.Stats, account);
            }

            projectCpu += Cpu(process) - cpu;
        }

        var projected = total.Elapsed - generating.Elapsed;
        var buildCpu = Cpu(process);
        var built = Stopwatch.StartNew();
        var table = builder.Build(new FetchSummary { TotalItems = accounts });
        built.Stop();
        buildCpu = Cpu(process) - buildCpu;
        total.Stop();
        var elapsed = total.Elapsed - generating.Elapsed;
        var retained = GC.GetTotalMemory(forceFullCollection: true) - before;
        process.Refresh();
        var peak = process.PeakWorkingSet64;

        output.WriteLine($"## data — {accounts:N0} stats accounts, {table.Columns.Count} columns ({dataset.Columns.Count} defined incl. 3 expressions, {table.Columns.Count - dataset.Columns.Count} pivot), sort on 2 keys, group with 2 aggregates");
        output.WriteLine();
        output.WriteLine("| accounts | JSON parsed | parse + project (wall / CPU) | build: expr, sort, group (wall / CPU) | total wall | accounts/s | peak working set | table retained (managed) |");
        output.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| {accounts:N0} | {jsonBytes / 1048576.0:N0} MB | {projected.TotalSeconds:N2} s / {projectCpu.TotalSeconds:N2} s | {built.Elapsed.TotalSeconds:N2} s / {buildCpu.TotalSeconds:N2} s | {elapsed.TotalSeconds:N2} s | {accounts / elapsed.TotalSeconds:N0} | {peak / 1048576.0:N0} MB | {retained / 1048576.0:N0} MB |"));
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"machine load average at the end: {LoadAverage()}; synthetic page generation (excluded): {generating.Elapsed.TotalSeconds:N2} s"));
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rows {table.Rows.Count:N0}, groups {table.Groups?.Rows.Count ?? 0}, warnings {builder.Warnings.Count}"));
        GC.KeepAlive(table);
        var ok = table.Rows.Count == accounts && builder.Warnings.Count == 0;
        return Task.FromResult(ok ? 0 : 1);
    }

    private static TimeSpan Cpu(Process process)
    {
        process.Refresh();
        return process.TotalProcessorTime;
    }

    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "n/a";
        }
    }

    internal static DatasetDefinition Definition() => new()
    {
        Name = "accounts",
        List = "1",
        Return = [ReturnType.Stats],
        Columns =
        [
            new() { Name = "Account ID", Path = "account_id" },
            new() { Name = "Account", Path = "name" },
            new() { Name = "Score", Path = "engagement.score.current", Format = "0" },
            new() { Name = "Health", Path = "engagement.health.current" },
            new() { Name = "Region", Path = "attributes.Region" },
            new() { Name = "Renewal", Path = "attributes.Renewal-Date", Type = ColumnType.Date },
            new() { Name = "Plan type", Path = "attributes[\"Plan Type\"]" },
            new() { Name = "Last activity", Path = "stats.last_activity", Type = ColumnType.DateTime },
            new() { Name = "Users 30d", Path = "stats.users.past_30d.all", Type = ColumnType.Number },
            new() { Name = "Utilisation", Expr = "row[\"Users 30d\"] / (account.attributes.Licenses | string.to_int)", Format = "0%" },
            new() { Name = "Task trend", Expr = "row[\"create-task 30d\"] / (row[\"create-task 90d\"] + 1)", Format = "0%" },
            new() { Name = "At risk", Expr = "Score < 40 && row[\"Users 30d\"] < 10" },
        ],
        Activities = new ActivitiesDefinition { Names = ["create-task", "delegate-task"], Windows = ["past_1d", "past_30d", "past_90d"] },
        Sort = ["-Score", "Account"],
        Group = new GroupDefinition { By = "Region", Aggregates = [new("Accounts", "count"), new("Avg score", "avg(Score)")] },
    };

    /// <summary>Feeds <paramref name="accounts"/> synthetic accounts (the same seed, pages of 1,000) to <paramref name="builder"/>.</summary>
    internal static void Feed(DatasetBuilder builder, int accounts, CancellationToken cancellationToken)
    {
        const int pageSize = 1_000;
        var random = new Random(42);
        var buffer = new ArrayBufferWriter<byte>(4 * 1024 * 1024);
        for (var first = 0; first < accounts; first += pageSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            buffer.ResetWrittenCount();
            WritePage(buffer, random, first, Math.Min(pageSize, accounts - first));
            using var page = JsonDocument.Parse(buffer.WrittenMemory);
            foreach (var account in page.RootElement.GetProperty("accounts").EnumerateArray())
            {
                builder.Add(ReturnType.Stats, account);
            }
        }
    }

    /// <summary>A page shaped like the vendor's example: engagement, attributes, users and activities per window.</summary>
    internal static void WritePage(IBufferWriter<byte> buffer, Random random, int first, int count)
    {
        using var w = new Utf8JsonWriter(buffer);
        w.WriteStartObject();
        w.WriteString("_type", "accounts-active-list");
        w.WriteStartArray("accounts");
        for (var i = 0; i < count; i++)
        {
            var n = first + i;
            w.WriteStartObject();
            w.WriteString("account_id", string.Create(CultureInfo.InvariantCulture, $"a{n}"));
            w.WriteString("name", string.Create(CultureInfo.InvariantCulture, $"Account {n} Industries"));
            w.WriteStartObject("status");
            w.WriteString("current", "Activated");
            w.WriteNumber("changed", 1_754_000_000_000L + n);
            w.WriteEndObject();
            w.WriteStartObject("engagement");
            w.WriteStartObject("score");
            w.WriteNumber("change", random.Next(-30, 30));
            w.WriteNumber("current", random.Next(0, 101));
            w.WriteEndObject();
            w.WriteStartObject("health");
            w.WriteString("current", random.Next(3) switch { 0 => "Good", 1 => "Average", _ => "Poor" });
            w.WriteString("reason", "Less than 10% license utilization");
            w.WriteNumber("last_changed", 1_754_000_000_000L);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteStartObject("attributes");
            w.WriteString("Region", Regions[n % Regions.Length]);
            w.WriteString("Plan Type", n % 3 == 0 ? "Enterprise" : "Pro");
            w.WriteString("Renewal-Date", new DateOnly(2026, 1 + (n % 12), 1 + (n % 28)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.WriteString("Licenses", (10 + (n % 200)).ToString(CultureInfo.InvariantCulture));
            w.WriteEndObject();
            w.WriteStartObject("stats");
            w.WriteStartObject("users");
            foreach (var window in Windows)
            {
                w.WriteStartObject(window);
                w.WriteNumber("all", random.Next(0, 60));
                w.WriteStartObject("modules");
                w.WriteString("task-management", "2");
                w.WriteString("reporting", "1");
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteStartObject("activities");
            foreach (var window in Windows)
            {
                w.WriteStartObject(window);
                w.WriteNumber("all", random.Next(0, 5000));
                w.WriteStartObject("actions");
                for (var a = 0; a < 3 + (n % 6); a++)
                {
                    w.WriteNumber(Actions[a], random.Next(0, 2000));
                }

                w.WriteEndObject();
                w.WriteStartObject("modules");
                w.WriteString("task-management", "2");
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteNumber("last_activity", 1_760_000_000_000L + (n * 1000L));
            w.WriteNumber("first_activity", 1_700_000_000_000L);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteNumber("total_items", count);
        w.WriteEndObject();
    }
}
