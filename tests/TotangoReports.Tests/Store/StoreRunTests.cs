using System.Text.Json;
using TotangoReports.Emulator;
using TotangoReports.Store;
using TotangoReports.Store.Internal;
using TotangoReports.Tests.Cli;

namespace TotangoReports.Tests.Store;

/// <summary>The store as a run uses it through the CLI: where it is, when it is made, the old state file, a damaged file.</summary>
public sealed class StoreRunTests
{
    private const string Token = "store-run-token";

    private const string OldState = """{ "datasets": { "inactive": { "lastRun": 1762000000, "lastRunIso": "2025-11-01T12:26:40.0000000+00:00" } } }""";

    [Fact]
    public async Task OldStateFile_IsImportedIntoTheStoreOnFirstUse_ThenRenamed_WithAnInfoLine()
    {
        // Arrange
        await using var emulator = await StartEmulatorAsync();
        using var cli = Arrange(emulator);
        await File.WriteAllTextAsync(cli.PathOf(".totango-reports-state.json"), OldState, TestContext.Current.CancellationToken);

        // Act
        var result = await cli.RunAsync("run", cli.PathOf("inactive-accounts-delta.yaml"));

        // Assert: the run read the old watermark, then moved it in the store.
        result.ExitCode.ShouldBe(0, result.ToString());
        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(cli.PathOf("out", "run.json"), TestContext.Current.CancellationToken));
        manifest.RootElement.GetProperty("datasets").GetProperty("inactive").GetProperty("since").GetInt64().ShouldBe(1762000000);
        File.Exists(cli.PathOf(".totango-reports-state.json")).ShouldBeFalse();
        (await File.ReadAllTextAsync(cli.PathOf(".totango-reports-state.json.migrated"), TestContext.Current.CancellationToken)).ShouldBe(OldState);
        result.Error.ShouldContain($"moved the since: last-run watermarks from {cli.PathOf(".totango-reports-state.json")} into the store {cli.PathOf(".totango-reports.db")}; the old file is now {cli.PathOf(".totango-reports-state.json.migrated")}");
        (await StoreProbe.LastRunAsync(cli.PathOf(".totango-reports.db"), "inactive-accounts-delta", "inactive")).ShouldNotBeNull().ShouldBeGreaterThan(1762000000);
    }

    [Fact]
    public async Task OldStateFile_AlsoHoldingAnotherDefinitionsDataset_IsImported_AndKeptForThatDefinition()
    {
        // Arrange
        await using var emulator = await StartEmulatorAsync();
        using var cli = Arrange(emulator);
        const string shared = """{ "datasets": { "inactive": { "lastRun": 1762000000 }, "churned": { "lastRun": 1763000000 } } }""";
        await File.WriteAllTextAsync(cli.PathOf(".totango-reports-state.json"), shared, TestContext.Current.CancellationToken);

        // Act
        var result = await cli.RunAsync("run", cli.PathOf("inactive-accounts-delta.yaml"));

        // Assert
        result.ExitCode.ShouldBe(0, result.ToString());
        (await File.ReadAllTextAsync(cli.PathOf(".totango-reports-state.json"), TestContext.Current.CancellationToken)).ShouldBe(shared);
        result.Error.ShouldContain("the file stays because it also holds churned, which other definitions in its folder read");
        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(cli.PathOf("out", "run.json"), TestContext.Current.CancellationToken));
        manifest.RootElement.GetProperty("datasets").GetProperty("inactive").GetProperty("since").GetInt64().ShouldBe(1762000000);
    }

    [Fact]
    public async Task OldStateFile_KeptForAnotherDefinition_IsImportedOnce_NotAgainOnLaterRuns()
    {
        // Arrange: the first run imported the shared file; then the store's watermark went below the file's (a store
        // restored from a backup, a watermark set back by hand).
        await using var emulator = await StartEmulatorAsync();
        using var cli = Arrange(emulator);
        const string shared = """{ "datasets": { "inactive": { "lastRun": 1762000000 }, "churned": { "lastRun": 1763000000 } } }""";
        await File.WriteAllTextAsync(cli.PathOf(".totango-reports-state.json"), shared, TestContext.Current.CancellationToken);
        var first = await cli.RunAsync("run", cli.PathOf("inactive-accounts-delta.yaml"));
        first.ExitCode.ShouldBe(0, first.ToString());
        var setBack = DateTimeOffset.FromUnixTimeSeconds(1761000000);
        await using (var store = new SqlReportStore(new SqliteDialect(cli.PathOf(".totango-reports.db"), TimeSpan.FromSeconds(10))))
        {
            var marks = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal) { ["inactive"] = setBack };
            await store.CommitAsync(new StoreCommit("inactive-accounts-delta", setBack) { Watermarks = marks }, TestContext.Current.CancellationToken);
        }

        // Act
        var second = await cli.RunAsync("run", cli.PathOf("inactive-accounts-delta.yaml"));

        // Assert: the second run reads the store's watermark, not the file's again, and says nothing about the file.
        second.ExitCode.ShouldBe(0, second.ToString());
        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(cli.PathOf("out", "run.json"), TestContext.Current.CancellationToken));
        manifest.RootElement.GetProperty("datasets").GetProperty("inactive").GetProperty("since").GetInt64().ShouldBe(1761000000);
        second.Error.ShouldNotContain(".totango-reports-state.json");
        (await File.ReadAllTextAsync(cli.PathOf(".totango-reports-state.json"), TestContext.Current.CancellationToken)).ShouldBe(shared, "the file stays for the definition that reads churned");
    }

    [Theory]
    [InlineData("not a database")]
    [InlineData("truncated")]
    public async Task DamagedStore_RunExits1_NamingTheFileAndWhatToDo_WithoutAStackTrace_AndWritesNothing(string damage)
    {
        // Arrange
        await using var emulator = await StartEmulatorAsync();
        using var cli = Arrange(emulator);
        var store = cli.PathOf(".totango-reports.db");
        await SqliteStoreFileTests.WriteDamagedStoreAsync(store, damage);
        var before = await File.ReadAllBytesAsync(store, TestContext.Current.CancellationToken);

        // Act: a delta run reads its watermark before fetching.
        var result = await cli.RunAsync("run", cli.PathOf("inactive-accounts-delta.yaml"));

        // Assert
        result.ExitCode.ShouldBe(1, result.ToString());
        result.Error.ShouldContain($"error: {store}: the store is damaged or is not a SQLite database (");
        result.Error.ShouldContain("restore it from a backup, or move it aside to start an empty store");
        result.Error.ShouldNotContain("   at ");
        result.Error.ShouldNotContain("unexpected failure");
        Directory.Exists(cli.PathOf("out")).ShouldBeFalse();
        (await File.ReadAllBytesAsync(store, TestContext.Current.CancellationToken)).ShouldBe(before);
    }

    [Fact]
    public async Task RunsThatNeedNoStore_CreateNoStoreFile()
    {
        // Arrange: a live report without since: last-run or history:, and a sample run of a delta report.
        await using var emulator = await StartEmulatorAsync();
        using var cli = Arrange(emulator);
        var weekly = cli.CopySampleConfig("weekly-usage.yaml");

        // Act
        var live = await cli.RunAsync("run", weekly, "--no-email", "--format", "csv");
        var sample = await cli.RunAsync("run", cli.PathOf("inactive-accounts-delta.yaml"), "--sample", "--out", "sample-out");

        // Assert
        live.ExitCode.ShouldBe(0, live.ToString());
        sample.ExitCode.ShouldBe(0, sample.ToString());
        Directory.GetFiles(cli.WorkingDirectory, ".totango-reports.db*").ShouldBeEmpty();
    }

    [Fact]
    public async Task StoreConnectionString_ARelativeDataSource_IsBesideTheDefinition()
    {
        // Arrange: the definition in its own folder, the CLI started elsewhere.
        await using var emulator = await StartEmulatorAsync();
        using var cli = Arrange(emulator);
        Directory.CreateDirectory(cli.PathOf("defs"));
        File.Move(cli.PathOf("inactive-accounts-delta.yaml"), cli.PathOf("defs", "inactive-accounts-delta.yaml"));
        cli.Variables["Store__ConnectionString"] = "Data Source=state/reports.db";
        Directory.CreateDirectory(cli.PathOf("defs", "state"));

        // Act
        var result = await cli.RunAsync("run", cli.PathOf("defs", "inactive-accounts-delta.yaml"));

        // Assert
        result.ExitCode.ShouldBe(0, result.ToString());
        (await StoreProbe.LastRunAsync(cli.PathOf("defs", "state", "reports.db"), "inactive-accounts-delta", "inactive")).ShouldNotBeNull();
        File.Exists(cli.PathOf("defs", ".totango-reports.db")).ShouldBeFalse();
    }

    private static Task<EmulatorHost> StartEmulatorAsync() =>
        EmulatorHost.StartAsync(new EmulatorOptions { Port = 0, Accounts = 150, Token = Token }, TestContext.Current.CancellationToken);

    private static CliHarness Arrange(EmulatorHost emulator)
    {
        var cli = new CliHarness();
        cli.Variables["TOTANGO_BASE_URL"] = emulator.BaseUrl.ToString();
        cli.Variables["TOTANGO_API_TOKEN"] = Token;
        cli.CopySampleConfig("inactive-accounts-delta.yaml");
        return cli;
    }
}
