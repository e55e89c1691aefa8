using System.Globalization;
using System.Text.Json;
using TotangoReports.Tests.Cli;
using TotangoReports.Tests.Delivery;

namespace TotangoReports.Tests.Safety;

/// <summary>Issue 14, the small things a new user noticed: run.json, help text, templates init, one typo one error.</summary>
public sealed class NewUserPolishTests
{
    [Fact]
    public async Task RunJson_HoldsTheToolVersion_TheRelativeDefinition_EveryPrintedWarning_AndTheMailStatus()
    {
        // Arrange: a sample run asked to mail, with SMTP configured, rendering only html (so the attachments are missing).
        await using var smtp = LoopbackSmtpServer.Start();
        using var cli = new CliHarness();
        cli.Variables["Smtp__Host"] = "127.0.0.1";
        cli.Variables["Smtp__Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture);
        cli.Variables["Smtp__From"] = "reports@example.com";
        cli.Variables["Smtp__UseTls"] = "false";
        var definition = cli.CopySampleConfig("weekly-usage.yaml");

        // Act
        var result = await cli.RunAsync("run", definition, "--sample", "--send-sample-mail", "--format", "html");

        // Assert
        result.ExitCode.ShouldBe(0, result.ToString());
        var text = File.ReadAllText(cli.PathOf("out", "run.json"));
        text.ShouldNotContain(cli.WorkingDirectory);
        using var manifest = JsonDocument.Parse(text);
        var root = manifest.RootElement;
        root.GetProperty("tool").GetString()!.ShouldMatch(@"^totango-reports \d+\.\d+\.\d+");
        root.GetProperty("definition").GetString().ShouldBe("../weekly-usage.yaml");
        var warnings = root.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!).ToList();
        warnings.ShouldContain(w => w.Contains("attach names xlsx", StringComparison.Ordinal));
        warnings.ShouldAllBe(w => result.Error.Contains(w, StringComparison.Ordinal));
        root.GetProperty("email").GetProperty("status").GetString().ShouldBe("sent");
    }

    [Fact]
    public async Task RunJson_MailSkippedForWantOfSmtp_SaysSkippedAndWhy_AndKeepsTheWarning()
    {
        // Arrange: no SMTP at all.
        using var cli = new CliHarness();
        var definition = cli.CopySampleConfig("weekly-usage.yaml");

        // Act
        var result = await cli.RunAsync("run", definition, "--sample", "--send-sample-mail", "--format", "csv");

        // Assert
        result.ExitCode.ShouldBe(0, result.ToString());
        using var manifest = JsonDocument.Parse(File.ReadAllText(cli.PathOf("out", "run.json")));
        var email = manifest.RootElement.GetProperty("email");
        email.GetProperty("status").GetString().ShouldBe("skipped");
        email.GetProperty("reason").GetString()!.ShouldContain("Smtp:Host is not set");
        manifest.RootElement.GetProperty("warnings").EnumerateArray().ShouldContain(w => w.GetString()!.Contains("Smtp:Host is not set", StringComparison.Ordinal));
        result.Error.ShouldContain("Smtp:Host is not set");
    }

    [Theory]
    [InlineData("run")]
    [InlineData("emulator")]
    [InlineData("fetch")]
    [InlineData("sample-data")]
    public async Task Help_EveryExample_StaysOnOneLine(string command)
    {
        using var cli = new CliHarness();

        var result = await cli.RunAsync(command, "--help");

        result.ExitCode.ShouldBe(0, result.ToString());
        var lines = result.Out.ReplaceLineEndings("\n").Split('\n');
        var examples = lines.SkipWhile(l => l.Trim() != "EXAMPLES:").Skip(1).TakeWhile(l => l.Trim().Length > 0).ToList();
        examples.ShouldNotBeEmpty();
        examples.ShouldAllBe(l => l.TrimStart().StartsWith("totango-reports ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TemplatesInit_SuggestsThePathAsTheDefinitionsFolderSeesIt()
    {
        using var cli = new CliHarness();

        var result = await cli.RunAsync("templates", "init", "reports/tpl");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Error.ShouldContain("a definition in reports writes: { format: html, file: report.html, template: tpl/exec-summary.sbn }");
    }

    [Fact]
    public async Task Validate_ColumnsKeyMisspelt_GivesOneError_NotOnePerReference()
    {
        // Arrange: sort, filter, group and aggregates all name columns the misspelt key holds.
        using var cli = new CliHarness();
        var definition = cli.CopySampleConfig("weekly-usage.yaml");
        var text = File.ReadAllText(definition);
        var at = text.IndexOf("    columns:", StringComparison.Ordinal);
        File.WriteAllText(definition, text[..at] + "    colums:" + text[(at + "    columns:".Length)..]);

        // Act
        var result = await cli.RunAsync("validate", definition);

        // Assert
        result.ExitCode.ShouldBe(2, result.ToString());
        var problems = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.Contains("weekly-usage.yaml:", StringComparison.Ordinal)).ToList();
        problems.ShouldHaveSingleItem().ShouldContain("unknown key 'colums' in dataset 'accounts' — did you mean 'columns'?");
    }
}
