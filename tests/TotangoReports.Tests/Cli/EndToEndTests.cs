using System.Text.Json;
using MimeKit;
using TotangoReports.Emulator;
using TotangoReports.Tests.Delivery;

namespace TotangoReports.Tests.Cli;

/// <summary>The CLI against the real emulator over loopback HTTP and a real SMTP server: the weekly job as cron runs it.</summary>
[Trait("Category", "Slow")]
public sealed class EndToEndTests
{
    private const string Sentinel = "SENTINEL-token-5b8e0c9d";
    private const string SmtpSentinel = "SENTINEL-smtp-pass-77";

    private static void PointAt(CliHarness cli, EmulatorHost emulator, string token = Sentinel)
    {
        cli.Variables["TOTANGO_BASE_URL"] = emulator.BaseUrl.ToString();
        cli.Variables["TOTANGO_API_TOKEN"] = token;
        cli.Variables["Totango__PageSize"] = "100";
        cli.Variables["Totango__RetryBaseDelaySeconds"] = "0.01";
    }

    private static void PointAt(CliHarness cli, LoopbackSmtpServer smtp)
    {
        cli.Variables["Smtp__Host"] = "127.0.0.1";
        cli.Variables["Smtp__Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        cli.Variables["Smtp__From"] = "reports@example.com";
        cli.Variables["Smtp__UseTls"] = "false";
    }

    [Fact]
    public async Task Run_WeeklyUsageAgainstEmulator_WritesEveryFile_AndSendsOneMailWithThoseFiles()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0, Accounts = 700, Token = Sentinel }, TestContext.Current.CancellationToken);
        await using var smtp = LoopbackSmtpServer.Start();
        using var cli = new CliHarness();
        PointAt(cli, emulator);
        PointAt(cli, smtp);
        var definition = cli.CopySampleConfig("weekly-usage.yaml");

        var result = await cli.RunAsync("run", definition);

        result.ExitCode.ShouldBe(0, result.ToString());
        var files = result.OutLines.Select(l => cli.PathOf(l)).ToList();
        files.Count.ShouldBe(5);
        Fixtures.XlsxSchema.Validate(files.Single(f => f.EndsWith(".xlsx", StringComparison.Ordinal)));
        var mail = smtp.Accepted.ShouldHaveSingleItem();
        mail.To.Mailboxes.Single().Address.ShouldBe("execs@example.com");
        mail.Subject.ShouldStartWith("Weekly usage — 20");
        mail.HtmlBody!.ShouldContain("Weekly usage");
        mail.HtmlBody!.ShouldNotContain("<svg");
        mail.TextBody!.ShouldContain("accounts: 700 rows");
        var inline = mail.BodyParts.OfType<MimePart>().Where(p => p.ContentId is not null && !p.IsAttachment).ToList();
        inline.ShouldNotBeEmpty();
        inline.ShouldAllBe(p => p.ContentType.MimeType == "image/png");
        inline.ShouldAllBe(p => mail.HtmlBody!.Contains("cid:" + p.ContentId, StringComparison.Ordinal));
        var attachments = mail.Attachments.OfType<MimePart>().ToList();
        attachments.Select(a => Path.GetExtension(a.FileName)).ShouldBe([".xlsx", ".pdf"]);
        foreach (var attachment in attachments)
        {
            var onDisk = files.Single(f => Path.GetFileName(f) == attachment.FileName);
            using var decoded = new MemoryStream();
            attachment.Content!.DecodeTo(decoded, TestContext.Current.CancellationToken);
            decoded.ToArray().ShouldBe(File.ReadAllBytes(onDisk), attachment.FileName);
        }

        attachments[0].ContentType.MimeType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        attachments[1].ContentType.MimeType.ShouldBe("application/pdf");
    }

    [Fact]
    public async Task Run_MailRefusedPermanently_ExitsSix_AndLeavesNoNewFiles()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0, Accounts = 50, Token = Sentinel }, TestContext.Current.CancellationToken);
        await using var smtp = LoopbackSmtpServer.Start(0, SmtpServer.Protocol.SmtpReplyCode.MailboxUnavailable);
        using var cli = new CliHarness();
        PointAt(cli, emulator);
        PointAt(cli, smtp);
        var definition = cli.CopySampleConfig("weekly-usage.yaml");

        var result = await cli.RunAsync("run", definition, "--format", "xlsx,csv");

        result.ExitCode.ShouldBe(6, result.ToString());
        result.Error.ShouldContain("550");
        smtp.Attempts.ShouldBe(1);
        Directory.Exists(cli.PathOf("out")).ShouldBeTrue();
        Directory.GetFiles(cli.PathOf("out"), "*", SearchOption.AllDirectories).ShouldBeEmpty();
    }

    [Fact]
    public async Task SentinelToken_NeverAppears_InOutputLogsManifestStateOrMail()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0, Accounts = 120, Token = Sentinel }, TestContext.Current.CancellationToken);
        emulator.Options.Faults.Add(new EmulatorFault { Page = 1, StatusCode = 500, Times = 2 });
        await using var smtp = LoopbackSmtpServer.Start();
        using var cli = new CliHarness();
        PointAt(cli, emulator);
        PointAt(cli, smtp);
        cli.Variables["Smtp__Password"] = SmtpSentinel;
        cli.Variables["Smtp__User"] = string.Empty;
        var weekly = cli.CopySampleConfig("weekly-usage.yaml");
        var delta = cli.CopySampleConfig("inactive-accounts-delta.yaml");
        var produced = new List<string>();

        // Success with retries, at the most verbose level; a delta run that writes state; a fetch to a snapshot.
        foreach (var args in new[]
                 {
                     new[] { "run", weekly, "--verbose" },
                     ["run", delta, "--verbose", "--no-email"],
                     ["fetch", weekly, "--save", "snap", "--verbose"],
                     ["validate", weekly, "--verbose"],
                 })
        {
            var ok = await cli.RunAsync(args);
            ok.ExitCode.ShouldBe(0, ok.ToString());
            produced.Add(ok.Out);
            produced.Add(ok.Error);
        }

        // Failures: the token refused (the emulator wants another), and a server that keeps failing.
        PointAt(cli, emulator, "wrong-" + Sentinel);
        var refused = await cli.RunAsync("run", weekly, "--verbose", "--no-email");
        refused.ExitCode.ShouldBe(3, refused.ToString());
        produced.Add(refused.Out);
        produced.Add(refused.Error);

        PointAt(cli, emulator);
        emulator.Options.Faults.Add(new EmulatorFault { Page = 0, StatusCode = 500, Times = 100 });
        cli.Variables["Totango__MaxRetries"] = "1";
        var failing = await cli.RunAsync("run", weekly, "--verbose", "--no-email");
        failing.ExitCode.ShouldBe(4, failing.ToString());
        produced.Add(failing.Out);
        produced.Add(failing.Error);

        produced.AddRange(Directory.GetFiles(cli.WorkingDirectory, "*", SearchOption.AllDirectories).Select(f => System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(f))));
        foreach (var mail in smtp.Accepted)
        {
            using var raw = new MemoryStream();
            await mail.WriteToAsync(raw, TestContext.Current.CancellationToken);
            produced.Add(System.Text.Encoding.Latin1.GetString(raw.ToArray()));
        }

        smtp.Accepted.Count.ShouldBe(1);
        File.Exists(cli.PathOf(".totango-reports.db")).ShouldBeTrue();
        produced.ShouldAllBe(text => !text.Contains(Sentinel, StringComparison.Ordinal) && !text.Contains(SmtpSentinel, StringComparison.Ordinal));
    }

    [Fact]
    public async Task DeltaRun_StateMovesOnlyAfterSuccess_AndTheRerunAsksForTheOldSince()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0, Accounts = 300, Token = Sentinel }, TestContext.Current.CancellationToken);
        using var cli = new CliHarness();
        PointAt(cli, emulator);
        cli.Variables["Totango__MaxRetries"] = "0";
        var definition = cli.CopySampleConfig("inactive-accounts-delta.yaml");
        var storePath = cli.PathOf(".totango-reports.db");

        var first = await cli.RunAsync("run", definition, "--quiet");
        first.ExitCode.ShouldBe(0, first.ToString());
        var lastRun = (await Store.StoreProbe.LastRunAsync(storePath, "inactive-accounts-delta", "inactive")).ShouldNotBeNull();

        // Killed midway: the list can't be read (the state was read, nothing was written yet).
        emulator.Options.Faults.Add(new EmulatorFault { Page = 0, StatusCode = 500, Times = 1000 });
        var failed = await cli.RunAsync("run", definition, "--quiet");
        failed.ExitCode.ShouldBe(4, failed.ToString());
        (await Store.StoreProbe.LastRunAsync(storePath, "inactive-accounts-delta", "inactive")).ShouldBe(lastRun);

        emulator.Options.Faults.Clear();
        var rerun = await cli.RunAsync("run", definition, "--quiet");
        rerun.ExitCode.ShouldBe(0, rerun.ToString());
        using var manifest = JsonDocument.Parse(File.ReadAllText(cli.PathOf("out", "run.json")));
        manifest.RootElement.GetProperty("datasets").GetProperty("inactive").GetProperty("since").GetInt64().ShouldBe(lastRun);
        (await Store.StoreProbe.LastRunAsync(storePath, "inactive-accounts-delta", "inactive")).ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(lastRun);
    }

    [Fact]
    public async Task FetchSave_ThenRunSnapshot_RendersTheSameRowsAsTheLiveRun()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0, Accounts = 450, Token = Sentinel }, TestContext.Current.CancellationToken);
        using var cli = new CliHarness();
        PointAt(cli, emulator);
        var definition = cli.CopySampleConfig("activities-export.yaml");

        var live = await cli.RunAsync("run", definition, "--format", "csv", "--out", "live", "--quiet");
        var fetch = await cli.RunAsync("fetch", definition, "--save", "snap", "--quiet");
        cli.Variables.Remove("TOTANGO_API_TOKEN");
        var offline = await cli.RunAsync("run", definition, "--snapshot", "snap", "--format", "csv", "--out", "offline", "--quiet");

        live.ExitCode.ShouldBe(0, live.ToString());
        fetch.ExitCode.ShouldBe(0, fetch.ToString());
        offline.ExitCode.ShouldBe(0, offline.ToString());
        File.ReadAllBytes(cli.PathOf("offline", "activities-export.csv")).ShouldBe(File.ReadAllBytes(cli.PathOf("live", "activities-export.csv")));
    }

    [Fact]
    public async Task Run_CancelledWhileFetching_ExitsCleanly_WithNoOutputAndNoTemporaryFiles()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0, Accounts = 2000, Token = Sentinel, Latency = TimeSpan.FromMilliseconds(200) }, TestContext.Current.CancellationToken);
        using var cli = new CliHarness();
        PointAt(cli, emulator);
        cli.Variables["Totango__MaxConcurrency"] = "1";
        var definition = cli.CopySampleConfig("activities-export.yaml");
        Directory.CreateDirectory(cli.PathOf("out"));
        File.WriteAllText(cli.PathOf("out", "activities-export.csv"), "last week's report");
        using var ctrlC = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        var running = cli.RunAsync(ctrlC.Token, "run", definition, "--no-email");
        while (emulator.Requests < 2)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        await ctrlC.CancelAsync();
        var result = await running;

        result.ExitCode.ShouldBe(130, result.ToString());
        result.Error.ShouldContain("cancelled");
        Directory.GetFiles(cli.PathOf("out"), "*", SearchOption.AllDirectories).ShouldBe([cli.PathOf("out", "activities-export.csv")]);
        File.ReadAllText(cli.PathOf("out", "activities-export.csv")).ShouldBe("last week's report");
    }

    [Fact]
    public async Task Run_ConfigFile_SetsTheBaseUrl_AndTheEnvironmentStillWins()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0, Accounts = 30, Token = Sentinel }, TestContext.Current.CancellationToken);
        using var cli = new CliHarness();
        cli.Variables["TOTANGO_API_TOKEN"] = Sentinel;
        File.WriteAllText(cli.PathOf("reports.json"), $$"""{ "Totango": { "BaseUrl": "{{emulator.BaseUrl}}", "PageSize": 7 } }""");
        var definition = cli.CopySampleConfig("activities-export.yaml");

        var fromFile = await cli.RunAsync("run", definition, "--config", "reports.json", "--format", "csv", "--quiet");
        cli.Variables["Totango__BaseUrl"] = "http://127.0.0.1:1/";
        cli.Variables["Totango__MaxRetries"] = "0";
        var overridden = await cli.RunAsync("run", definition, "--config", "reports.json", "--format", "csv", "--quiet");

        fromFile.ExitCode.ShouldBe(0, fromFile.ToString());
        using (var manifest = JsonDocument.Parse(File.ReadAllText(cli.PathOf("out", "run.json"))))
        {
            manifest.RootElement.GetProperty("datasets").GetProperty("activity").GetProperty("pages").GetInt32().ShouldBe(5);
        }

        overridden.ExitCode.ShouldBe(4, overridden.ToString());
    }

    [Fact]
    public async Task Run_ListChangingWhileRead_ExitsFive_LeavesTheReport_IncompleteManifestSaysWhatIsMissing_AllowPartialRendersIt()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0, Accounts = 400, Token = Sentinel }, TestContext.Current.CancellationToken);
        emulator.Options.ListChanges = 1000;
        using var cli = new CliHarness();
        PointAt(cli, emulator);
        var definition = cli.CopySampleConfig("activities-export.yaml");
        Directory.CreateDirectory(cli.PathOf("out"));
        File.WriteAllText(cli.PathOf("out", "activities-export.csv"), "last week's report");

        File.WriteAllText(cli.PathOf("out", "run.json"), "{ \"last\": \"week\" }");
        var strict = await cli.RunAsync("run", definition, "--no-email", "--quiet");

        strict.ExitCode.ShouldBe(5, strict.ToString());
        strict.Error.ShouldContain("run.incomplete.json");
        File.ReadAllText(cli.PathOf("out", "activities-export.csv")).ShouldBe("last week's report");
        File.ReadAllText(cli.PathOf("out", "run.json")).ShouldBe("{ \"last\": \"week\" }");
        using (var manifest = JsonDocument.Parse(File.ReadAllText(cli.PathOf("out", "run.incomplete.json"))))
        {
            manifest.RootElement.GetProperty("status").GetString().ShouldBe("incomplete");
            var activity = manifest.RootElement.GetProperty("datasets").GetProperty("activity");
            activity.GetProperty("complete").GetBoolean().ShouldBeFalse();
            activity.GetProperty("gaps").GetArrayLength().ShouldBeGreaterThan(0);
            manifest.RootElement.GetProperty("outputs").GetArrayLength().ShouldBe(0);
        }

        var partial = await cli.RunAsync("run", definition, "--no-email", "--quiet", "--allow-partial");

        partial.ExitCode.ShouldBe(0, partial.ToString());
        File.ReadAllText(cli.PathOf("out", "activities-export.csv")).ShouldNotBe("last week's report");
        File.Exists(cli.PathOf("out", "run.incomplete.json")).ShouldBeFalse();
        using (var manifest = JsonDocument.Parse(File.ReadAllText(cli.PathOf("out", "run.json"))))
        {
            manifest.RootElement.GetProperty("status").GetString().ShouldBe("partial");
            manifest.RootElement.GetProperty("datasets").GetProperty("activity").GetProperty("gaps").GetArrayLength().ShouldBeGreaterThan(0);
        }
    }

    [Theory]
    [InlineData(".")]
    [InlineData("docs")]
    public async Task FetchSave_IntoAFolderThatIsNotASnapshot_IsRefused_AndNothingIsDeleted(string folder)
    {
        using var cli = new CliHarness();
        var definition = cli.CopySampleConfig("activities-export.yaml");
        Directory.CreateDirectory(cli.PathOf("docs"));
        File.WriteAllText(cli.PathOf("docs", "notes.txt"), "keep me");

        var result = await cli.RunAsync("fetch", definition, "--sample", "--save", folder, "--quiet");

        result.ExitCode.ShouldBe(2, result.ToString());
        File.ReadAllText(cli.PathOf("docs", "notes.txt")).ShouldBe("keep me");
        File.Exists(definition).ShouldBeTrue();
    }

    [Fact]
    public async Task FetchSave_WithTrailingSlash_ReplacesAnEarlierSnapshot_AndRunSnapshotReadsIt()
    {
        using var cli = new CliHarness();
        var definition = cli.CopySampleConfig("activities-export.yaml");
        var slash = "snap" + Path.DirectorySeparatorChar;

        var first = await cli.RunAsync("fetch", definition, "--sample", "--save", slash, "--quiet");
        var second = await cli.RunAsync("fetch", definition, "--sample", "--save", slash, "--quiet");
        var offline = await cli.RunAsync("run", definition, "--snapshot", slash, "--format", "csv", "--quiet");

        first.ExitCode.ShouldBe(0, first.ToString());
        second.ExitCode.ShouldBe(0, second.ToString());
        offline.ExitCode.ShouldBe(0, offline.ToString());
        Directory.GetDirectories(cli.WorkingDirectory).Select(Path.GetFileName).Order().ShouldBe(["out", "snap"]);
    }

    [Fact]
    public async Task TokenFromTheConfigFile_EchoedInAnErrorBody_IsMaskedOnStderr()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0, Accounts = 50, Token = Sentinel }, TestContext.Current.CancellationToken);
        var echo = "{\"_error\":\"" + string.Concat(Enumerable.Repeat("padding ", 30)) + "token " + Sentinel + " is not allowed here " + string.Concat(Enumerable.Repeat("tail ", 60)) + "\"}";
        emulator.Options.Faults.Add(new EmulatorFault { Page = 0, StatusCode = 200, Body = echo, Times = 100 });
        using var cli = new CliHarness();
        File.WriteAllText(cli.PathOf("totango-reports.json"), $$"""{ "Totango": { "BaseUrl": "{{emulator.BaseUrl}}", "ApiToken": "{{Sentinel}}", "MaxRetries": 0 } }""");
        var definition = cli.CopySampleConfig("activities-export.yaml");

        var result = await cli.RunAsync("run", definition, "--verbose", "--no-email");

        result.ExitCode.ShouldBe(4, result.ToString());
        result.Error.ShouldContain("is not allowed here");
        result.Error.ShouldNotContain(Sentinel);
        result.Error.ShouldNotContain(Sentinel[..12]);
        result.Out.ShouldNotContain(Sentinel[..12]);
    }

    [Fact]
    public async Task FetchSave_ListChangingWhileRead_ExitsFive_AndLeavesNoSnapshotOrStagingFolder()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Port = 0, Accounts = 400, Token = Sentinel }, TestContext.Current.CancellationToken);
        emulator.Options.ListChanges = 1000;
        using var cli = new CliHarness();
        PointAt(cli, emulator);
        var definition = cli.CopySampleConfig("activities-export.yaml");

        var result = await cli.RunAsync("fetch", definition, "--save", "snap", "--quiet");

        result.ExitCode.ShouldBe(5, result.ToString());
        result.Error.ShouldNotContain("unexpected");
        Directory.GetDirectories(cli.WorkingDirectory).ShouldBeEmpty();
    }
}
