using TotangoReports.Tests.Cli;

namespace TotangoReports.Tests.Safety;

/// <summary>
/// Issue 14 item 5: a template is a regular file inside the definition's folder; /proc, paths leading outside and
/// links leading outside are refused by validate (and run) at the definition's file:line:col.
/// </summary>
public sealed class TemplatePlaceTests
{
    private const string Secret = "SENTINEL-environ-token-41";

    [Fact]
    public async Task Template_ProcSelfEnviron_IsRefusedByValidateAndRun_AndTheTokenReachesNoOutput()
    {
        // Arrange
        using var cli = new CliHarness();
        cli.Variables["TOTANGO_API_TOKEN"] = Secret;
        var definition = WithTemplate(cli, "/proc/self/environ");

        // Act
        var validate = await cli.RunAsync("validate", definition);
        var run = await cli.RunAsync("run", definition, "--sample", "--format", "html");

        // Assert
        validate.ExitCode.ShouldBe(2, validate.ToString());
        validate.Out.ShouldMatch(@"weekly-usage\.yaml:\d+:\d+: template '/proc/self/environ' is outside the definition's folder");
        run.ExitCode.ShouldBe(2, run.ToString());
        run.Error.ShouldContain("outside the definition's folder");
        Directory.Exists(cli.PathOf("out")).ShouldBeFalse();
        (validate.Out + run.Out + run.Error).ShouldNotContain(Secret);
    }

    [Fact]
    public async Task Template_RelativePathLeadingOutside_IsRefusedAtTheDefinitionsLine()
    {
        // Arrange: the definition in a subfolder, the template beside that folder.
        using var cli = new CliHarness();
        Directory.CreateDirectory(cli.PathOf("defs"));
        File.WriteAllText(cli.PathOf("outside.sbn"), "<p>{{ report.title }}</p>");
        var definition = WithTemplate(cli, "../outside.sbn", "defs");

        // Act
        var result = await cli.RunAsync("validate", definition);

        // Assert
        result.ExitCode.ShouldBe(2, result.ToString());
        result.Out.ShouldMatch(@"weekly-usage\.yaml:\d+:\d+: template '\.\./outside\.sbn' is outside the definition's folder");
    }

    [Fact]
    public async Task Template_SymlinkInsideTheFolderLeadingOutside_IsRefusedAtTheDefinitionsLine()
    {
        // Arrange
        using var cli = new CliHarness();
        using var elsewhere = new TotangoReports.Tests.Rendering.Html.TempDirectory();
        var target = Path.Combine(elsewhere.Path, "secret.sbn");
        File.WriteAllText(target, "<p>secret</p>");
        File.CreateSymbolicLink(cli.PathOf("linked.sbn"), target);
        var definition = WithTemplate(cli, "linked.sbn");

        // Act
        var result = await cli.RunAsync("validate", definition);

        // Assert
        result.ExitCode.ShouldBe(2, result.ToString());
        result.Out.ShouldMatch(@"weekly-usage\.yaml:\d+:\d+: template 'linked\.sbn' is outside the definition's folder .* \(it leads to ");
    }

    [Fact]
    public async Task Template_InASubfolderOfTheDefinitionsFolder_IsAccepted()
    {
        // Arrange
        using var cli = new CliHarness();
        Directory.CreateDirectory(cli.PathOf("tpl"));
        File.WriteAllText(cli.PathOf("tpl", "mine.sbn"), "<p>{{ report.title }}</p>");
        var definition = WithTemplate(cli, "tpl/mine.sbn");

        // Act
        var result = await cli.RunAsync("run", definition, "--sample", "--format", "html", "--quiet");

        // Assert
        result.ExitCode.ShouldBe(0, result.ToString());
        File.ReadAllText(cli.PathOf("out", "weekly-usage.html")).ShouldContain("<p>Weekly usage");
    }

    private static string WithTemplate(CliHarness cli, string template, string? folder = null)
    {
        var definition = folder is null ? cli.PathOf("weekly-usage.yaml") : cli.PathOf(folder, "weekly-usage.yaml");
        var text = File.ReadAllText(Definition.RepoFiles.PathOf("sample-config", "weekly-usage.yaml"));
        File.WriteAllText(definition, text.Replace("template: exec-summary", $"template: \"{template}\"", StringComparison.Ordinal));
        return definition;
    }
}
