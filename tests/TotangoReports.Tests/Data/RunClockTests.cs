using System.Diagnostics;
using System.Globalization;
using TotangoReports.Tests.Rendering.Html;

namespace TotangoReports.Tests.Data;

/// <summary>
/// <c>date.now</c> in expressions and templates is the run's now (<c>--as-of</c>, the sample's anchor) on the report
/// zone's clock, never the machine's clock or zone: "in the last 30 days" means the same days as the data.
/// </summary>
public sealed class RunClockTests
{
    private const string Definition = """
        title: Clock
        timezone: Asia/Tokyo
        datasets:
          accounts:
            list: 1004
            columns:
              - { name: Account ID, path: account_id }
              - { name: Last activity, path: stats.last_activity, type: datetime, format: "yyyy-mm-dd hh:mm:ss" }
              - { name: Now, expr: 'date.now | date.to_string "%F %T"' }
              - { name: Age h, expr: '(date.now - row["Last activity"]).total_hours', type: number, format: "0.000" }
        outputs:
          - { format: csv, file: clock.csv }
        """;

    // 20:00 UTC on 30 June is 05:00 on 1 July in Tokyo: a day boundary between the zones.
    private static readonly DateTimeOffset AsOf = new(2026, 6, 30, 20, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DateNow_InExpressionsAndTemplates_IsTheAsOfInstant_OnTheReportZonesClock()
    {
        // Act
        var report = await new ReportEngine().BuildAsync(ReportEngine.ParseDefinition(Definition), ReportSource.Sample(40, seed: 5), new BuildOptions { AsOf = AsOf }, Ct);
        var html = HtmlTestKit.RenderText(report, "[{{ date.now | date.to_string '%F %T' }}]");

        // Assert: every row sees the same now, and its age is measured from it.
        var table = report.Datasets.Single();
        var aged = 0;
        foreach (var row in table.Rows)
        {
            row[table.ColumnIndex("Now")].ShouldBe("2026-07-01 05:00:00");
            if (row[table.ColumnIndex("Last activity")] is DateTimeOffset last)
            {
                ((double)row[table.ColumnIndex("Age h")]!).ShouldBe((AsOf - last).TotalHours, 1e-6);
                aged++;
            }
        }

        aged.ShouldBeGreaterThan(5);

        html.ShouldContain("[2026-07-01 05:00:00]");
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task DateNow_InAProcessWhoseZoneIsAuckland_StillComparesWithCellsOnTheReportZonesClock()
    {
        // Arrange: the CLI as a child process in a machine zone 12-13 hours from both UTC and Tokyo.
        var work = Directory.CreateTempSubdirectory("run-clock-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(work.FullName, "clock.yaml"), Definition, Ct);
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = work.FullName, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "totango-reports.dll"), "run", "clock.yaml", "--sample", "--as-of", "2026-06-30T20:00:00Z", "--out", "out" })
            {
                start.ArgumentList.Add(arg);
            }

            start.Environment["TZ"] = "Pacific/Auckland";

            // Act
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync(Ct);
            var stderr = await process.StandardError.ReadToEndAsync(Ct);
            await process.WaitForExitAsync(Ct);
            await stdout;

            // Assert: now is Tokyo's clock at the as-of instant, and each age is the exact distance from the cell's time.
            process.ExitCode.ShouldBe(0, stderr);
            var lines = await File.ReadAllLinesAsync(Path.Combine(work.FullName, "out", "clock.csv"), Ct);
            lines[0].ShouldBe("Account ID,Last activity,Now,Age h");
            var aged = 0;
            foreach (var line in lines.Skip(1))
            {
                var cells = line.Split(',');
                cells[2].ShouldBe("2026-07-01 05:00:00");
                if (cells[1].Length == 0)
                {
                    continue;
                }

                aged++;
                var last = DateTime.ParseExact(cells[1], "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
                var expected = (new DateTime(2026, 7, 1, 5, 0, 0) - last).TotalHours;
                double.Parse(cells[3], CultureInfo.InvariantCulture).ShouldBe(expected, 0.001, line);
            }

            aged.ShouldBeGreaterThan(5);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
