namespace TotangoReports.Tests.Cli;

/// <summary>
/// The help text is part of the product: it is snapshotted. After an intended change, run the tests with
/// UPDATE_SNAPSHOTS=1 and review the diff of Cli/Snapshots.
/// </summary>
public sealed class HelpSnapshotTests
{
    public static TheoryData<string> Commands() => new(["", "run", "validate", "schema", "fetch", "emulator", "sample-data", "templates init", "serve", "resend"]);

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Help_MatchesSnapshot_AndShowsAnExample(string command)
    {
        using var cli = new CliHarness();
        var args = command.Split(' ', StringSplitOptions.RemoveEmptyEntries).Append("--help").ToArray();

        var result = await cli.RunAsync(args);

        result.ExitCode.ShouldBe(0);
        result.Out.ShouldContain("EXAMPLES:");
        var actual = Normalize(result.Out);
        var name = (command.Length == 0 ? "root" : command.Replace(' ', '-')) + ".txt";
        var path = Definition.RepoFiles.PathOf("tests", "TotangoReports.Tests", "Cli", "Snapshots", name);
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            await File.WriteAllTextAsync(path, actual, TestContext.Current.CancellationToken);
        }

        File.Exists(path).ShouldBeTrue($"no snapshot {name}: run the tests once with UPDATE_SNAPSHOTS=1 and commit it");
        actual.ShouldBe(Normalize(await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task Version_PrintsTheProductVersion()
    {
        using var cli = new CliHarness();

        var result = await cli.RunAsync("--version");

        result.ExitCode.ShouldBe(0);
        result.Out.Trim().ShouldMatch(@"^\d+\.\d+\.\d+");
    }

    [Fact]
    public async Task UnknownCommand_ExitsTwo_WithOneLineError()
    {
        using var cli = new CliHarness();

        var result = await cli.RunAsync("frobnicate");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldStartWith("error: ");
        result.Error.Trim().Split('\n').Length.ShouldBe(1);
    }

    private static string Normalize(string text) =>
        string.Join('\n', text.ReplaceLineEndings("\n").Split('\n').Select(l => l.TrimEnd())).Trim() + "\n";
}
