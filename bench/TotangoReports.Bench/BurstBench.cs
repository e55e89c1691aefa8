using System.Diagnostics;
using System.Globalization;

namespace TotangoReports.Bench;

/// <summary>
/// <c>burst:</c> at size (#17): 100,000 sample accounts split by owner (account number mod 200) into 200 reports, each
/// an XLSX and a PDF of that owner's ~500 rows with its own KPIs and charts, written through the whole run (staged,
/// then moved into place). Whole-run wall time and the process's peak working set; the roll-up is off
/// (<c>rollup: false</c>) so the time is the 200 owners' and the data's.
/// </summary>
internal sealed class BurstBench : IBenchmark
{
    public string Name => "burst";

    public string Description => "Burst: 100,000 accounts into 200 owners, XLSX + PDF each, whole run (wall, peak working set)";

    public async Task<int> RunAsync(bool smoke, TextWriter output, CancellationToken cancellationToken)
    {
        var accounts = smoke ? 2_000 : 100_000;
        var owners = smoke ? 20 : 200;
        var folder = Path.Combine(Path.GetTempPath(), "tr-bench-burst-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var definition = ReportEngine.ParseDefinition(Definition(owners), Path.Combine(folder, "burst.yaml"));
            var watch = Stopwatch.StartNew();
            var result = await new ReportEngine().RunAsync(definition, ReportSource.Sample(accounts, seed: 7), new RunOptions { OutputDirectory = Path.Combine(folder, "out"), SendEmail = false }, cancellationToken);
            watch.Stop();
            using var process = Process.GetCurrentProcess();
            process.Refresh();
            var peak = process.PeakWorkingSet64 / 1048576.0;
            var bursts = result.Manifest.Bursts ?? [];
            var xlsx = result.Manifest.Outputs.Count(o => o.Format == "xlsx");
            var pdf = result.Manifest.Outputs.Count(o => o.Format == "pdf");
            var bytes = result.Manifest.Outputs.Sum(o => o.Bytes) / 1048576.0;
            var met = watch.Elapsed.TotalSeconds < 60 && peak < 500;
            output.WriteLine($"## burst — {accounts:N0} accounts into {owners} owners, xlsx + pdf each");
            output.WriteLine();
            output.WriteLine("| accounts | owners | xlsx | pdf | rows per owner (min–max) | files | whole run (wall) | peak working set | target | result |");
            output.WriteLine("| ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | --- | --- |");
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {accounts:N0} | {bursts.Count} | {xlsx} | {pdf} | {bursts.Min(b => b.Rows)}–{bursts.Max(b => b.Rows)} | {bytes:N1} MB | {watch.Elapsed.TotalSeconds:N1} s | {peak:N0} MB | < 60 s, < 500 MB | {(met ? "PASS" : "FAIL")} |"));
            output.WriteLine();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"machine load average at the end: {LoadAverage()}"));
            return bursts.Count == owners && xlsx == owners && pdf == owners && (smoke || met) ? 0 : 1;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Definition(int owners) => $$"""
        title: Book of business
        timezone: Europe/London
        datasets:
          accounts:
            list: 1
            columns:
              - { name: Account ID, path: account_id }
              - { name: Account, path: name }
              - { name: Score, path: engagement.score.current, type: number, format: "0" }
              - { name: Health, path: engagement.health.current }
              - { name: Plan, path: 'attributes["Plan Type"]' }
              - { name: Owner, expr: '"Owner " + ((string.to_int (string.slice row["Account ID"] 1)) % {{owners}})' }
            sort: [-Score]
        summary:
          kpis:
            - { label: Accounts, value: count }
            - { label: Average score, value: avg(Score), format: "0.0" }
            - { label: "Health: Poor", value: 'count(Health == "Poor")' }
          charts:
            - { title: Accounts by health, type: bar, x: Health, y: count }
            - { title: Top 10 by score, type: hbar, x: Account, y: Score, sort: -Score, limit: 10 }
        burst: { by: Owner, rollup: false }
        outputs:
          - { format: xlsx, file: book.xlsx }
          - { format: pdf, file: book.pdf }
        """;

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
}
