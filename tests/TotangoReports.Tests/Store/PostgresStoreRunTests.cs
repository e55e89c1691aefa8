using Npgsql;

namespace TotangoReports.Tests.Store;

/// <summary>The CLI on a PostgreSQL store: the history and watermark land there, and its password is never shown.</summary>
public sealed class PostgresStoreRunTests : IAsyncLifetime
{
    private const string Sentinel = "pg-sentinel-Zq81xx";

    private TestStoreEngine? _engine;

    public async ValueTask InitializeAsync() => _engine = await TestStoreEngine.CreateAsync(StoreEngineKind.Postgres);

    public async ValueTask DisposeAsync()
    {
        if (_engine is not null)
        {
            await _engine.DisposeAsync();
        }
    }

    [Fact]
    public async Task RunWithHistory_OnAPostgresStore_RecordsThere_AndLeavesNoSqliteFile()
    {
        // Arrange
        await using var emulator = await HistoryRecordingTests.StartEmulatorAsync();
        using var cli = HistoryRecordingTests.Arrange(emulator);
        cli.Variables["Store__ConnectionString"] = _engine!.ConnectionString;

        // Act
        var result = await cli.RunAsync("run", cli.PathOf("weekly.yaml"));

        // Assert
        result.ExitCode.ShouldBe(0, result.ToString());
        await using var store = _engine.Open();
        var snapshot = await store.History("weekly").AtOrBeforeAsync("accounts", DateTimeOffset.UtcNow.AddYears(5), ["Score"], TestContext.Current.CancellationToken);
        snapshot.ShouldNotBeNull().Rows.Count.ShouldBe(120);
        Directory.GetFiles(cli.WorkingDirectory, ".totango-reports.db*").ShouldBeEmpty();
    }

    [Theory]
    [InlineData("Store__Password")]
    [InlineData("connection string")]
    public async Task WrongPassword_IsExit1NamingTheStore_AndThePasswordAppearsNowhere(string where)
    {
        // Arrange: the right user, a wrong (sentinel) password.
        await using var emulator = await HistoryRecordingTests.StartEmulatorAsync();
        using var cli = HistoryRecordingTests.Arrange(emulator);
        var builder = new NpgsqlConnectionStringBuilder(_engine!.ConnectionString) { Password = null };
        if (where == "Store__Password")
        {
            cli.Variables["Store__Password"] = Sentinel;
        }
        else
        {
            builder.Password = Sentinel;
        }

        cli.Variables["Store__ConnectionString"] = builder.ConnectionString;

        // Act
        var result = await cli.RunAsync("run", cli.PathOf("weekly.yaml"), "--verbose");

        // Assert
        result.ExitCode.ShouldBe(1, result.ToString());
        result.Error.ShouldContain($"PostgreSQL store {builder.Host}:{builder.Port}/{builder.Database}: PostgreSQL refused the login; check the user in Store:ConnectionString and the password");
        var produced = Directory.GetFiles(cli.WorkingDirectory, "*", SearchOption.AllDirectories).Select(File.ReadAllText).Append(result.Out).Append(result.Error);
        produced.ShouldAllBe(text => !text.Contains(Sentinel, StringComparison.Ordinal));
    }
}
