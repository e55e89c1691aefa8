using System.Globalization;
using System.Text.Json;
using TotangoReports.Cli;
using TotangoReports.Delivery;
using TotangoReports.Tests.Cli;

namespace TotangoReports.Tests.Hostile;

/// <summary>
/// The output folder and the watermark under attack: damaged state, a watermark that cannot be saved, two runs into
/// one folder, leftovers of a killed run. Every case ends with a clear message and nothing left behind.
/// </summary>
public sealed class HostileStateTests
{
    private const string DeltaDefinition = """
        title: Delta
        timezone: UTC
        datasets:
          accounts:
            list: 1
            endpoint: recent
            since: last-run
            columns:
              - { name: Account ID, path: account_id }
              - { name: Account, path: name }
        outputs:
          - { format: csv, file: accounts.csv }
        """;

    [Theory]
    [InlineData("""{"datasets": null}""")]
    [InlineData("""{"datasets": {"accounts": null}}""")]
    public async Task StateOfTheWrongShape_IsAClearError_NamingTheFile(string state)
    {
        // Arrange
        await using var server = GoodServer();
        using var cli = HostileApiTests.Harness(server.BaseUrl, "page");
        var definition = cli.PathOf("delta.yaml");
        await File.WriteAllTextAsync(definition, DeltaDefinition, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(cli.PathOf(RunState.DefaultFileName), state, TestContext.Current.CancellationToken);

        // Act
        var result = await HostileCorpus.RunBoundedAsync(cli, "run", definition, "--out", "out", "--no-email");

        // Assert
        result.ExitCode.ShouldBe(2, result.ToString());
        result.Error.ShouldContain(RunState.DefaultFileName + ": the state file's \"datasets\" must be", Case.Sensitive, result.ToString());
        result.Error.ShouldNotContain("Object reference");
    }

    [Fact]
    public async Task WatermarkThatCannotBeSaved_AfterTheReportIsCommitted_HasItsOwnCodeAndLeavesNoTempFile()
    {
        // Arrange: the store's path is taken by a folder, so the store cannot be created when the watermark moves.
        await using var server = GoodServer();
        using var cli = HostileApiTests.Harness(server.BaseUrl, "page");
        var definition = cli.PathOf("delta.yaml");
        await File.WriteAllTextAsync(definition, DeltaDefinition, TestContext.Current.CancellationToken);
        Directory.CreateDirectory(cli.PathOf(".totango-reports.db"));

        // Act
        var result = await HostileCorpus.RunBoundedAsync(cli, "run", definition, "--out", "out", "--no-email");

        // Assert
        result.ExitCode.ShouldBe(ExitCodes.WatermarkNotSaved, result.ToString());
        result.Error.ShouldContain("the report files were written and any mail was sent, but the watermark could not be saved to " + cli.PathOf(".totango-reports.db"), Case.Sensitive, result.ToString());
        File.Exists(cli.PathOf("out", "accounts.csv")).ShouldBeTrue("the report was committed before the watermark");
        Directory.GetFiles(cli.WorkingDirectory, "*.tmp", SearchOption.AllDirectories).ShouldBeEmpty();
    }

    [Fact]
    public async Task RunIntoAFolderAnotherRunHolds_WaitsForIt_ThenWritesAManifestMatchingItsFiles()
    {
        // Arrange
        await using var server = GoodServer();
        using var cli = HostileApiTests.Harness(server.BaseUrl, "page");
        var definition = await HostileApiTests.DefinitionAsync(cli);
        var other = await OutputFolderLock.AcquireAsync(cli.PathOf("out"), cancellationToken: TestContext.Current.CancellationToken);

        // Act
        var run = HostileCorpus.RunBoundedAsync(cli, "run", definition, "--out", "out", "--no-email");
        await Task.Delay(1500, TestContext.Current.CancellationToken);
        var finishedWhileHeld = run.IsCompleted;
        var writtenWhileHeld = File.Exists(cli.PathOf("out", "run.json"));
        other.Dispose();
        var result = await run;

        // Assert
        result.ExitCode.ShouldBe(0, result.ToString());
        finishedWhileHeld.ShouldBeFalse("the run waited for the folder");
        writtenWhileHeld.ShouldBeFalse("nothing was written while the other run held the folder");
        await ManifestMatchesFilesAsync(cli);
        Directory.GetFiles(cli.PathOf("out"), ".*").ShouldBeEmpty("no lock or temporary file left");
    }

    [Fact]
    public async Task FolderLock_HeldLongerThanTheWait_FailsWithAClearMessage()
    {
        // Arrange
        var folder = Directory.CreateTempSubdirectory("lock-").FullName;
        try
        {
            using var held = await OutputFolderLock.AcquireAsync(folder, cancellationToken: TestContext.Current.CancellationToken);

            // Act
            var ex = await Should.ThrowAsync<OutputFolderBusyException>(() => OutputFolderLock.AcquireAsync(folder, TimeSpan.FromMilliseconds(300), TestContext.Current.CancellationToken));

            // Assert
            ex.Message.ShouldBe($"another run is writing to {folder} (waited 0 s for it); run again when it has finished, or give this run its own --out");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task LeftoversOfAKilledRun_AreSweptByTheNextRun_AndAReportMovedAsideIsRestored()
    {
        // Arrange: what a SIGKILL mid-commit leaves: staged files, and an old report moved aside.
        await using var server = GoodServer();
        using var cli = HostileApiTests.Harness(server.BaseUrl, "page");
        var definition = await HostileApiTests.DefinitionAsync(cli);
        Directory.CreateDirectory(cli.PathOf("out", "sub"));
        await File.WriteAllTextAsync(cli.PathOf("out", ".accounts.csv.0123456789ab.tmp"), "half", TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(cli.PathOf("out", "sub", ".pdf.pdf.0123456789ab.tmp"), "half", TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(cli.PathOf("out", ".weekly.xlsx.0123456789ab.bak"), "old report", TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(cli.PathOf("out", ".notes.txt"), "the user's own", TestContext.Current.CancellationToken);

        // Act
        var result = await HostileCorpus.RunBoundedAsync(cli, "run", definition, "--out", "out", "--no-email");

        // Assert
        result.ExitCode.ShouldBe(0, result.ToString());
        Directory.GetFiles(cli.PathOf("out"), "*.tmp", SearchOption.AllDirectories).ShouldBeEmpty();
        Directory.GetFiles(cli.PathOf("out"), "*.bak", SearchOption.AllDirectories).ShouldBeEmpty();
        (await File.ReadAllTextAsync(cli.PathOf("out", "weekly.xlsx"), TestContext.Current.CancellationToken)).ShouldBe("old report");
        File.Exists(cli.PathOf("out", ".notes.txt")).ShouldBeTrue("files that are not a run's are left alone");
    }

    [Fact]
    public async Task ImmutableReportFile_RunFailsClearly_KeepsTheOldReport_AndLeavesNoCopyBehind()
    {
        // Arrange: a previous report made immutable (chattr +i; this needs root, as CI's container has).
        await using var server = GoodServer();
        using var cli = HostileApiTests.Harness(server.BaseUrl, "page");
        var definition = await HostileApiTests.DefinitionAsync(cli);
        Directory.CreateDirectory(cli.PathOf("out"));
        var report = cli.PathOf("out", "accounts.csv");
        await File.WriteAllTextAsync(report, "old report", TestContext.Current.CancellationToken);
        await ChattrAsync("+i", report);
        try
        {
            // Act
            var result = await HostileCorpus.RunBoundedAsync(cli, "run", definition, "--out", "out", "--no-email");

            // Assert
            result.ExitCode.ShouldBe(2, result.ToString());
            result.Error.ShouldContain("could not replace " + report, Case.Sensitive, result.ToString());
            (await File.ReadAllTextAsync(report, TestContext.Current.CancellationToken)).ShouldBe("old report");
            Directory.GetFiles(cli.PathOf("out"), "*", SearchOption.AllDirectories).Select(Path.GetFileName).ShouldBe(["accounts.csv"]);
        }
        finally
        {
            await ChattrAsync("-i", report);
        }
    }

    private static async Task ChattrAsync(string flag, string path)
    {
        using var chattr = System.Diagnostics.Process.Start("chattr", [flag, path]);
        await chattr.WaitForExitAsync(TestContext.Current.CancellationToken);
        chattr.ExitCode.ShouldBe(0, $"chattr {flag} {path} (needs root and CAP_LINUX_IMMUTABLE)");
    }

    private static HostileHttpServer GoodServer() => HostileHttpServer.Start((request, stream, _, ct) =>
        HostileHttpServer.WriteAsync(stream, HostileHttpServer.Page(HostileApiTests.Slice(request, item: false), "250"), cancellationToken: ct));

    private static async Task ManifestMatchesFilesAsync(CliHarness cli)
    {
        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(cli.PathOf("out", "run.json"), TestContext.Current.CancellationToken));
        var outputs = manifest.RootElement.GetProperty("outputs").EnumerateArray().ToList();
        outputs.ShouldNotBeEmpty();
        foreach (var output in outputs)
        {
            var file = cli.PathOf("out", output.GetProperty("path").GetString()!);
            output.GetProperty("sha256").GetString().ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(file))), file.ToString(CultureInfo.InvariantCulture));
        }
    }
}
