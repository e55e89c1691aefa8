using System.Globalization;
using System.Text.RegularExpressions;
using TotangoReports.Emulator;
using TotangoReports.Tests.Cli;

namespace TotangoReports.Tests.Hostile;

/// <summary>
/// Hostile page bodies served by the emulator in place of page 1 of 3 (a 200 with the given body): each run ends with
/// a complete report, or exit 4/5 naming the list and the page — and then no output file at all.
/// </summary>
[Trait("Category", "Slow")]
public sealed partial class ApiPayloadFuzzTests
{
    private const int Accounts = 250;

    private const string Definition = HostileCorpus.AccountsCsvDefinition;

    public static TheoryData<string> Cases() =>
    [
        "truncated", "wrong-types", "nulls-everywhere", "ten-mb-string", "deep-nesting", "duplicate-ids",
        "total-too-high", "total-too-low", "total-negative", "total-not-a-number", "empty-page", "accounts-not-array",
        "accounts-of-scalars", "huge-numbers", "no-accounts-key", "error-field",
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task HostilePage_EndsWithACompleteReport_OrExitFourOrFiveNamingListAndPage_AndNoPartialOutput(string name)
    {
        // Arrange
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0, Accounts = Accounts }, TestContext.Current.CancellationToken);
        var page0 = await FetchPageAsync(emulator, 0);
        var page1 = await FetchPageAsync(emulator, 1);
        emulator.Options.Faults.Add(Fault(name, page0, page1));
        using var cli = Harness(emulator);
        var definition = cli.PathOf("payload.yaml");
        await File.WriteAllTextAsync(definition, Definition, TestContext.Current.CancellationToken);

        // Act
        var result = await HostileCorpus.RunBoundedAsync(cli, "run", definition, "--out", "out", "--no-email");

        // Assert
        TestContext.Current.SendDiagnosticMessage($"{name}: {result.ExitCode} {result.Error.Trim()}");
        await CompleteOrNamedFailureAsync(cli, result);
    }

    /// <summary>
    /// Seeded byte-level damage to a real page 1 (characters replaced, ranges cut or repeated, tokens inserted):
    /// FUZZ_LONG=1 runs ten times as many.
    /// </summary>
    [Fact]
    public async Task RandomlyDamagedPage_EndsWithACompleteReport_OrExitFourOrFiveNamingListAndPage()
    {
        // Arrange
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0, Accounts = Accounts }, TestContext.Current.CancellationToken);
        var page1 = await FetchPageAsync(emulator, 1);
        using var cli = Harness(emulator);
        var definition = cli.PathOf("payload.yaml");
        await File.WriteAllTextAsync(definition, Definition, TestContext.Current.CancellationToken);
        var random = new Random(1127);
        string[] tokens = ["null", "{", "}", "[", "]", ",", ":", "\"", "\\", "1e400", "-0", "true", "\"account_id\":", "\u0000", "\"total_items\":0,"];
        var cases = HostileCorpus.Long("FUZZ_LONG") ? 600 : 60;
        var outcomes = new Dictionary<int, int>();

        for (var i = 0; i < cases; i++)
        {
            var body = new System.Text.StringBuilder(page1);
            for (var n = 1 + random.Next(4); n > 0; n--)
            {
                var at = random.Next(body.Length);
                var span = Math.Min(body.Length - at, random.Next(1, 200));
                switch (random.Next(4))
                {
                    case 0: body[at] = (char)random.Next(32, 127); break;
                    case 1: body.Remove(at, span); break;
                    case 2: body.Insert(at, body.ToString(at, span)); break;
                    default: body.Insert(at, tokens[random.Next(tokens.Length)]); break;
                }
            }

            emulator.Options.Faults.Clear();
            emulator.Options.Faults.Add(new EmulatorFault { Page = 1, StatusCode = 200, Body = body.ToString(), Times = 1000 });
            if (Directory.Exists(cli.PathOf("out")))
            {
                Directory.Delete(cli.PathOf("out"), recursive: true);
            }

            // Act
            var result = await HostileCorpus.RunBoundedAsync(cli, "run", definition, "--out", "out", "--no-email");

            // Assert
            outcomes[result.ExitCode] = outcomes.GetValueOrDefault(result.ExitCode) + 1;
            try
            {
                await CompleteOrNamedFailureAsync(cli, result);
            }
            catch (Exception ex) when (ex is ShouldAssertException or IOException)
            {
                throw new ShouldAssertException($"damaged page case {i}: {ex.Message}\n--- body (first 1,500 chars)\n{body.ToString(0, Math.Min(1500, body.Length))}", ex);
            }
        }

        TestContext.Current.SendDiagnosticMessage(string.Join(", ", outcomes.OrderBy(o => o.Key).Select(o => $"exit {o.Key}: {o.Value}")));
        outcomes.Keys.ShouldBeSubsetOf([0, 4, 5]);
    }

    private static CliHarness Harness(EmulatorHost emulator)
    {
        var cli = new CliHarness();
        cli.Variables["TOTANGO_BASE_URL"] = emulator.BaseUrl.ToString();
        cli.Variables["TOTANGO_API_TOKEN"] = "payload-token";
        cli.Variables["Totango__PageSize"] = "100";
        cli.Variables["Totango__OffsetMode"] = "page";
        cli.Variables["Totango__RetryBaseDelaySeconds"] = "0.01";
        cli.Variables["Totango__MaxRetries"] = "2";
        return cli;
    }

    /// <summary>Exit 0 with every account exactly once, or exit 4/5 naming list and page, with no output but the manifest.</summary>
    private static async Task CompleteOrNamedFailureAsync(CliHarness cli, CliResultBox result)
    {
        var outFiles = Directory.Exists(cli.PathOf("out")) ? Directory.GetFiles(cli.PathOf("out"), "*", SearchOption.AllDirectories) : [];
        if (result.ExitCode == 0)
        {
            var csv = await File.ReadAllLinesAsync(cli.PathOf("out", "accounts.csv"), TestContext.Current.CancellationToken);
            (csv.Length - 1).ShouldBe(Accounts, result.ToString());
            csv.Skip(1).Select(l => l.Split(',')[0]).Distinct().Count().ShouldBe(Accounts, "every account exactly once");
        }
        else
        {
            result.ExitCode.ShouldBeOneOf([4, 5], result.ToString());
            result.Error.ShouldContain("list 1", Case.Sensitive, result.ToString());
            result.Error.ShouldMatch(@"error: .*page \d", result.ToString());
            result.Error.ShouldNotContain("   at ", Case.Sensitive, "no stack trace");
            // Exit 5 leaves the report alone and says what was missing in run.incomplete.json; nothing else is written.
            var allowed = result.ExitCode == 5 ? new[] { "run.incomplete.json" } : [];
            outFiles.Select(Path.GetFileName).ShouldBe(allowed, "no partial output on failure");
        }
    }

    private static EmulatorFault Fault(string name, string page0, string page1)
    {
        const int Always = 1000;
        return name switch
        {
            "truncated" => new EmulatorFault { Page = 1, Truncate = true, Times = Always },
            "wrong-types" => Serve(NumberValue().Replace(page1, "\"$1\":\"high\"")),
            "nulls-everywhere" => Serve(AnyValue().Replace(page1, "\"$1\":null")),
            "ten-mb-string" => Serve(ReplaceFirst(page1, "\"name\":\"", "\"name\":\"" + new string('x', 10 << 20))),
            "deep-nesting" => Serve(ReplaceFirst(page1, "\"name\":", "\"deep\":" + new string('[', 10_000) + new string(']', 10_000) + ",\"name\":")),
            "duplicate-ids" => Serve(page0),
            "total-too-high" => Serve(Total().Replace(page1, "\"total_items\":100000")),
            "total-too-low" => Serve(Total().Replace(page1, "\"total_items\":10")),
            "total-negative" => Serve(Total().Replace(page1, "\"total_items\":-5")),
            "total-not-a-number" => Serve(Total().Replace(page1, "\"total_items\":\"many\"")),
            "empty-page" => Serve("{\"accounts\":[],\"total_items\":" + Accounts.ToString(CultureInfo.InvariantCulture) + "}"),
            "accounts-not-array" => Serve("{\"accounts\":{\"a\":1},\"total_items\":" + Accounts.ToString(CultureInfo.InvariantCulture) + "}"),
            "accounts-of-scalars" => Serve("{\"accounts\":[1,\"x\",null,true,[]],\"total_items\":" + Accounts.ToString(CultureInfo.InvariantCulture) + "}"),
            "huge-numbers" => Serve(NumberValue().Replace(page1, "\"$1\":1e400")),
            "no-accounts-key" => Serve("{\"total_items\":" + Accounts.ToString(CultureInfo.InvariantCulture) + "}"),
            "error-field" => Serve("{\"_error\":\"list 1 exploded\"}"),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };

        static EmulatorFault Serve(string body) => new() { Page = 1, StatusCode = 200, Body = body, Times = Always };
    }

    private static string ReplaceFirst(string text, string what, string with)
    {
        var at = text.IndexOf(what, StringComparison.Ordinal);
        return text[..at] + with + text[(at + what.Length)..];
    }

    private static async Task<string> FetchPageAsync(EmulatorHost emulator, int page)
    {
        using var http = new HttpClient();
        var url = new Uri(emulator.BaseUrl, string.Create(CultureInfo.InvariantCulture, $"api/v1/accounts/active_list/1/current.json?return=stats&length=100&offset={page}"));
        return await http.GetStringAsync(url, TestContext.Current.CancellationToken);
    }

    [GeneratedRegex("\"([a-z_]+)\":-?\\d+(\\.\\d+)?(e[+-]?\\d+)?", RegexOptions.CultureInvariant)]
    private static partial Regex NumberValue();

    [GeneratedRegex("\"([a-zA-Z_ -]+)\":(\"[^\"]*\"|-?\\d+(\\.\\d+)?|true|false)", RegexOptions.CultureInvariant)]
    private static partial Regex AnyValue();

    [GeneratedRegex("\"total_items\":\\s*\\d+", RegexOptions.CultureInvariant)]
    private static partial Regex Total();
}
