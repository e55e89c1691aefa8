using System.Text.RegularExpressions;
using TotangoReports.Tests.Definition;

namespace TotangoReports.Tests.Hostile;

/// <summary>Shared pieces of the hostile suites: the sample definitions, the env switches, and the bounded CLI call.</summary>
internal static partial class HostileCorpus
{
    /// <summary>Longest a single hostile case may take before it counts as a hang.</summary>
    public static readonly TimeSpan CaseLimit = TimeSpan.FromSeconds(30);

    /// <summary>A small accounts dataset written to one csv: what the API payload and soak suites run.</summary>
    public const string AccountsCsvDefinition = """
        title: Hostile
        timezone: UTC
        datasets:
          accounts:
            list: 1
            return: [stats]
            columns:
              - { name: Account ID, path: account_id }
              - { name: Account, path: name }
              - { name: Score, path: engagement.score.current, type: number }
              - { name: Last activity, path: stats.last_activity, type: datetime }
        outputs:
          - { format: csv, file: accounts.csv }
        """;

    public static bool Long(string variable) => Environment.GetEnvironmentVariable(variable) == "1";

    /// <summary>The sample-config files, as shipped.</summary>
    public static IReadOnlyList<(string Name, string Text)> SampleDefinitions() =>
        RepoFiles.SampleConfigs()
            .Select(path => (Path.GetFileName(path), File.ReadAllText(path)))
            .ToList();

    /// <summary>Runs the CLI, failing the test if it does not finish within <see cref="CaseLimit"/>.</summary>
    public static async Task<CliResultBox> RunBoundedAsync(Cli.CliHarness cli, params string[] args)
    {
        var run = Task.Run(() => cli.RunAsync(args));
        var finished = await Task.WhenAny(run, Task.Delay(CaseLimit, TestContext.Current.CancellationToken));
        if (finished != run)
        {
            throw new TimeoutException($"hang: '{string.Join(' ', args)}' did not finish in {CaseLimit.TotalSeconds} s");
        }

        var result = await run;
        return new CliResultBox(result.ExitCode, result.Out, result.Error);
    }

    /// <summary>A message pointing at a place in a file: <c>name:line:col</c>.</summary>
    [GeneratedRegex(@"[^\s:]+:\d+:\d+", RegexOptions.CultureInvariant)]
    public static partial Regex Location();
}

/// <summary>A CLI result the hostile suites can hand around (CliResult is internal to the Cli test folder's types).</summary>
internal sealed record CliResultBox(int ExitCode, string Out, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{(Error.Length > 4000 ? Error[..4000] + "…" : Error)}";
}
