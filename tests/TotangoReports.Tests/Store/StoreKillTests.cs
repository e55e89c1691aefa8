using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using TotangoReports.Store.Internal;

namespace TotangoReports.Tests.Store;

/// <summary>
/// A run killed (SIGKILL: no clean-up of any kind) while it is inside the store's transaction leaves the store exactly as
/// it was before that run, and whole. The real CLI runs as a child process and pauses inside the transaction
/// (<see cref="SqlReportStore.PauseVariable"/>, a test-only hook) until it is killed.
/// </summary>
public sealed class StoreKillTests
{
    [Fact]
    [Trait("Category", "Slow")]
    public async Task RunKilledWhileRecording_LeavesTheStoreAsItWas_AndNotCorrupt()
    {
        // Arrange: one snapshot recorded a week earlier, then a second run that will be killed mid-commit.
        await using var emulator = await HistoryRecordingTests.StartEmulatorAsync();
        using var cli = HistoryRecordingTests.Arrange(emulator);
        var first = await cli.RunAsync("run", cli.PathOf("weekly.yaml"), "--as-of", "2026-11-23T07:00:00Z");
        first.ExitCode.ShouldBe(0, first.ToString());
        var before = await HistoryRecordingTests.SnapshotsAsync(cli, "Score", "Health");
        before.Count.ShouldBe(1);
        var marker = cli.PathOf("inside-the-transaction");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = cli.WorkingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "totango-reports.dll"), "run", cli.PathOf("weekly.yaml"), "--as-of", "2026-11-30T07:00:00Z", "--out", "out2" })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in cli.Variables)
        {
            start.Environment[name] = value;
        }

        start.Environment[SqlReportStore.PauseVariable] = marker;
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        var waited = Stopwatch.StartNew();
        while (!File.Exists(marker))
        {
            if (process.HasExited)
            {
                Assert.Fail("the run ended before it reached the store: " + await stderr);
            }

            waited.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(90), "the run never reached the store's transaction");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        // Act
        using (var kill = Process.Start("kill", ["-KILL", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        // Assert: whole, and holding only what it held before.
        process.ExitCode.ShouldBe(137);
        await using (var connection = new SqliteConnection($"Data Source={cli.PathOf(".totango-reports.db")};Pooling=False"))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var check = connection.CreateCommand();
            check.CommandText = "PRAGMA integrity_check";
            ((string?)await check.ExecuteScalarAsync(TestContext.Current.CancellationToken)).ShouldBe("ok");
        }

        var after = await HistoryRecordingTests.SnapshotsAsync(cli, "Score", "Health");
        after.Select(s => s.TakenAt).ShouldBe(before.Select(s => s.TakenAt));
        after[0].Rows.Select(r => (r.AccountId, r.Cells[0], r.Cells[1])).ShouldBe(before[0].Rows.Select(r => (r.AccountId, r.Cells[0], r.Cells[1])));

        // And the next run records normally.
        var next = await cli.RunAsync("run", cli.PathOf("weekly.yaml"), "--as-of", "2026-11-30T07:00:00Z");
        next.ExitCode.ShouldBe(0, next.ToString());
        (await HistoryRecordingTests.SnapshotsAsync(cli, "Score")).Count.ShouldBe(2);
    }
}
