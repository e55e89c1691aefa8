using TotangoReports.Tests.Cli;

namespace TotangoReports.Tests.Hostile;

/// <summary>
/// Definitions that used to pass <c>validate</c> and then fail at run time (or be reported at the wrong place): each is
/// now exit 2 from both <c>validate</c> and <c>run</c>, at its own <c>file:line:col</c>, before anything is fetched.
/// </summary>
public sealed class HostileDefinitionTests
{
    private const string Template = """
        title: T
        timezone: UTC
        datasets:
          accounts:
            list: 1
            endpoint: recent
            since: SINCE
            columns:
              - { name: Account ID, path: account_id }
        outputs:
          - { format: csv, file: FILE }
        """;

    public static TheoryData<string, string, string> Cases() => new()
    {
        { Template.Replace("SINCE", "999999d", StringComparison.Ordinal).Replace("FILE", "accounts.csv", StringComparison.Ordinal), "def.yaml:7:12: ", "reaches back more than 20000 days" },
        { Template.Replace("SINCE", "0001-01-01", StringComparison.Ordinal).Replace("FILE", "accounts.csv", StringComparison.Ordinal), "def.yaml:7:12: ", "is before 1970-01-01" },
        { Template.Replace("SINCE", "1969-12-31T23:00:00Z", StringComparison.Ordinal).Replace("FILE", "accounts.csv", StringComparison.Ordinal), "def.yaml:7:12: ", "is before 1970-01-01" },
        { Template.Replace("SINCE", "7d", StringComparison.Ordinal).Replace("FILE", "./run.json", StringComparison.Ordinal), "def.yaml:11:26: ", "a file the run itself writes" },
        { Template.Replace("SINCE", "7d", StringComparison.Ordinal).Replace("FILE", "RUN.INCOMPLETE.JSON", StringComparison.Ordinal), "def.yaml:11:26: ", "a file the run itself writes" },
        { Template.Replace("SINCE", "7d", StringComparison.Ordinal).Replace("FILE", "accounts.csv", StringComparison.Ordinal).Replace("\n    list: 1", "\n\tlist: 1", StringComparison.Ordinal), "def.yaml:5:1: ", "a tab is used for indentation" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task DefinitionThatFailedOnlyAtRunTime_IsRefusedByValidateAndRun_AtItsLocation(string text, string location, string message)
    {
        // Arrange
        using var cli = new CliHarness();
        var definition = cli.PathOf("def.yaml");
        await File.WriteAllTextAsync(definition, text, TestContext.Current.CancellationToken);

        // Act
        var validate = await HostileCorpus.RunBoundedAsync(cli, "validate", definition);
        var run = await HostileCorpus.RunBoundedAsync(cli, "run", definition, "--sample", "--out", "out", "--no-email");

        // Assert
        validate.ExitCode.ShouldBe(2, validate.ToString());
        validate.Out.ShouldContain(location, Case.Sensitive, validate.ToString());
        validate.Out.ShouldContain(message, Case.Sensitive, validate.ToString());
        run.ExitCode.ShouldBe(2, run.ToString());
        (run.Out + run.Error).ShouldContain(message, Case.Sensitive, run.ToString());
        Directory.Exists(cli.PathOf("out")).ShouldBeFalse("nothing was written");
    }

    [Fact]
    public async Task SinceOnTheCommandLineReachingBeforeTheEpoch_IsExitTwo()
    {
        // Arrange
        using var cli = new CliHarness();
        var definition = cli.PathOf("def.yaml");
        await File.WriteAllTextAsync(definition, Template.Replace("SINCE", "7d", StringComparison.Ordinal).Replace("FILE", "accounts.csv", StringComparison.Ordinal), TestContext.Current.CancellationToken);

        // Act
        var run = await HostileCorpus.RunBoundedAsync(cli, "run", definition, "--sample", "--since", "999999d", "--out", "out", "--no-email");

        // Assert
        run.ExitCode.ShouldBe(2, run.ToString());
        run.Error.ShouldContain("reaches back more than 20000 days", Case.Sensitive, run.ToString());
    }
}
