using System.Globalization;
using System.Text;
using TotangoReports.Cli;
using TotangoReports.Emulator;
using TotangoReports.Tests.Cli;
using TotangoReports.Tests.Delivery;

namespace TotangoReports.Tests.Hostile;

/// <summary>
/// The sentinel token and SMTP password through every command, verbosity and failure path that
/// <see cref="EndToEndTests"/>' sentinel test does not already cover (it covers run/fetch/validate successes at
/// --verbose, a refused 401 and exhausted 500s): nothing printed, written or mailed may contain them.
/// </summary>
[Trait("Category", "Slow")]
public sealed class SecretsTests
{
    private const string Sentinel = "SENTINEL-hostile-9f3a1c";
    private const string SmtpSentinel = "SENTINEL-smtp-hostile-42";

    private static readonly string[][] Verbosities = [["--verbose"], [], ["--quiet"]];

    [Fact]
    public async Task Sentinels_NeverAppear_AcrossCommandsVerbositiesAndFailurePaths()
    {
        // Arrange
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0, Accounts = 60, Token = Sentinel }, TestContext.Current.CancellationToken);
        await using var smtp = LoopbackSmtpServer.Start(0, SmtpServer.Protocol.SmtpReplyCode.MailboxUnavailable);
        using var cli = new CliHarness();
        cli.Variables["TOTANGO_BASE_URL"] = emulator.BaseUrl.ToString();
        cli.Variables["TOTANGO_API_TOKEN"] = Sentinel;
        cli.Variables["Totango__PageSize"] = "25";
        cli.Variables["Totango__OffsetMode"] = "page";
        cli.Variables["Totango__RetryBaseDelaySeconds"] = "0.01";
        cli.Variables["Totango__MaxRetries"] = "1";
        cli.Variables["Totango__TimeoutSeconds"] = "1";
        cli.Variables["Smtp__Host"] = "127.0.0.1";
        cli.Variables["Smtp__Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture);
        cli.Variables["Smtp__From"] = "reports@example.com";
        cli.Variables["Smtp__UseTls"] = "false";
        cli.Variables["Smtp__User"] = "reports";
        cli.Variables["Smtp__Password"] = SmtpSentinel;
        cli.Variables["Smtp__MaxRetries"] = "0";
        var definition = cli.PathOf("secrets.yaml");
        await File.WriteAllTextAsync(definition, await File.ReadAllTextAsync(Definition.RepoFiles.PathOf("sample-config", "weekly-usage.yaml"), TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);
        var delta = cli.CopySampleConfig("inactive-accounts-delta.yaml");
        var produced = new List<string>();
        var codes = new List<string>();

        async Task Run(string label, Action? arrange, params string[] args)
        {
            foreach (var verbosity in Verbosities)
            {
                arrange?.Invoke();
                var result = await HostileCorpus.RunBoundedAsync(cli, [.. args, .. verbosity]);
                codes.Add($"{label} {string.Join(' ', verbosity)} → {result.ExitCode}");
                produced.Add(result.Out);
                produced.Add(result.Error);
            }
        }

        void Fault(EmulatorFault fault)
        {
            emulator.Options.Faults.Clear();
            emulator.Options.Faults.Add(fault);
        }

        // Act: every command at every verbosity, then every failure path.
        await Run("run ok + mail refused", null, "run", definition, "--format", "csv,xlsx");
        await Run("run delta", null, "run", delta, "--no-email", "--out", "delta");
        await Run("validate", null, "validate", definition);
        await Run("fetch", null, "fetch", definition, "--save", "snap");
        await Run("sample-data", null, "sample-data", "--accounts", "20", "--out", "sample");
        await Run("schema", null, "schema");
        await Run("templates init", null, "templates", "init", "tpl", "--force");
        foreach (var status in new[] { 300, 403 })
        {
            emulator.Options.UnauthorizedStatusCode = status;
            cli.Variables["TOTANGO_API_TOKEN"] = "wrong-" + Sentinel;
            await Run($"auth {status}", null, "run", definition, "--no-email", "--format", "csv");
            cli.Variables["TOTANGO_API_TOKEN"] = Sentinel;
        }

        await Run("400 echoing the request", () => Fault(new EmulatorFault { Page = 0, StatusCode = 400, Times = 100, Body = "{\"_error\":\"Bad request: GET with Authorization: " + Sentinel + " app-token " + Sentinel + "\"}" }), "run", definition, "--no-email", "--format", "csv");
        await Run("5xx exhausted", () => Fault(new EmulatorFault { Page = 1, StatusCode = 503, Times = 100, Body = "{\"_error\":\"down; your token " + Sentinel + "\"}" }), "fetch", definition, "--save", "snap2");
        await Run("malformed JSON", () => Fault(new EmulatorFault { Page = 1, Truncate = true, Times = 100 }), "run", definition, "--no-email", "--format", "csv");
        await Run("timeout", () => Fault(new EmulatorFault { Page = 0, Hang = true, Times = 100 }), "run", definition, "--no-email", "--format", "csv");
        emulator.Options.Faults.Clear();
        await Run("smtp auth refused", null, "run", definition, "--format", "xlsx");
        produced.Add(await RunEmulatorCommandAsync(cli));

        produced.AddRange(Directory.GetFiles(cli.WorkingDirectory, "*", SearchOption.AllDirectories).Select(f => Encoding.Latin1.GetString(File.ReadAllBytes(f))));
        foreach (var mail in smtp.Accepted)
        {
            using var raw = new MemoryStream();
            await mail.WriteToAsync(raw, TestContext.Current.CancellationToken);
            produced.Add(Encoding.Latin1.GetString(raw.ToArray()));
        }

        // Assert
        TestContext.Current.SendDiagnosticMessage(string.Join("\n", codes));
        codes.ShouldContain("auth 403  → 3");
        codes.ShouldContain("auth 300 --quiet → 3");
        codes.ShouldContain("400 echoing the request --verbose → 4");
        codes.ShouldContain("5xx exhausted  → 4");
        codes.ShouldContain("malformed JSON --verbose → 4");
        codes.ShouldContain("timeout  → 4");
        codes.ShouldContain("smtp auth refused --verbose → 6");
        codes.ShouldContain("run ok + mail refused  → 6");
        // The echoing bodies did reach the output, so the absence of the sentinel below is redaction, not silence.
        produced.ShouldContain(t => t.Contains("Bad request: GET with Authorization", StringComparison.Ordinal));
        produced.ShouldContain(t => t.Contains("down; your token", StringComparison.Ordinal));
        var leaks = produced.Where(t => t.Contains(Sentinel, StringComparison.Ordinal) || t.Contains(SmtpSentinel, StringComparison.Ordinal)).ToList();
        leaks.ShouldBeEmpty(string.Join("\n=====\n", leaks.Select(l => l.Length > 2000 ? l[..2000] : l)));
    }

    /// <summary><c>emulator --token</c> at --verbose, hit once with the wrong token and once with the right one, then stopped.</summary>
    private static async Task<string> RunEmulatorCommandAsync(CliHarness cli)
    {
        using var outText = new StringWriter(CultureInfo.InvariantCulture);
        using var errText = new StringWriter(CultureInfo.InvariantCulture);
        using var stdout = TextWriter.Synchronized(outText);
        using var stderr = TextWriter.Synchronized(errText);

        // The synchronized writer locks on itself, so reading under the same lock sees whole writes.
        string Read(TextWriter writer, StringWriter inner)
        {
            lock (writer)
            {
                return inner.ToString();
            }
        }

        using var lifetime = new CancellationTokenSource();
        var environment = new CliEnvironment
        {
            Out = stdout,
            Error = stderr,
            Variables = cli.Variables,
            WorkingDirectory = cli.WorkingDirectory,
            Lifetime = lifetime.Token,
        };
        var running = CliApp.RunAsync(["emulator", "--token", Sentinel, "--port", "0", "--accounts", "5", "--verbose"], environment, TestContext.Current.CancellationToken);
        var started = DateTime.UtcNow;
        while (!Read(stdout, outText).Contains('\n', StringComparison.Ordinal) && !running.IsCompleted && DateTime.UtcNow - started < HostileCorpus.CaseLimit)
        {
            await Task.Yield();
        }

        var printed = Read(stdout, outText);
        var baseUrl = new Uri(printed.Split('\n').FirstOrDefault(l => l.StartsWith("http", StringComparison.Ordinal)) ?? throw new InvalidOperationException("emulator printed no URL: " + printed + Read(stderr, errText)));
        using var http = new HttpClient();
        var url = new Uri(baseUrl, "api/v1/accounts/active_list/1/current.json?return=stats");
        using var wrong = new HttpRequestMessage(HttpMethod.Get, url);
        wrong.Headers.TryAddWithoutValidation("Authorization", "not-" + Sentinel);
        using var right = new HttpRequestMessage(HttpMethod.Get, url);
        right.Headers.TryAddWithoutValidation("Authorization", Sentinel);
        var refused = await http.SendAsync(wrong, TestContext.Current.CancellationToken);
        var accepted = await http.SendAsync(right, TestContext.Current.CancellationToken);
        await lifetime.CancelAsync();
        var code = await running;

        code.ShouldBe(0);
        ((int)refused.StatusCode).ShouldBe(401);
        ((int)accepted.StatusCode).ShouldBe(200);
        return Read(stdout, outText) + "\n" + Read(stderr, errText) + "\n" + await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }
}
