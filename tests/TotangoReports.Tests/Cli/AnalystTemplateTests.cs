using AngleSharp.Html.Parser;

namespace TotangoReports.Tests.Cli;

/// <summary>The analyst's loop: copy the built-in templates out, change a colour and a column, run, get their HTML.</summary>
public sealed class AnalystTemplateTests
{
    [Fact]
    public async Task TemplatesInit_ThenEditColourAndColumns_ProducesTheCustomisedReport()
    {
        using var cli = new CliHarness();
        var init = await cli.RunAsync("templates", "init", "my-templates");
        init.ExitCode.ShouldBe(0, init.ToString());
        var template = cli.PathOf("my-templates", "accounts.sbn");
        File.Exists(template).ShouldBeTrue(init.ToString());

        // A colour: the sticky header turns yellow. A column: only the first four columns are shown.
        var text = File.ReadAllText(template);
        text.ShouldContain("background: #f9fafb; border-bottom");
        text = text.Replace("background: #f9fafb; border-bottom", "background: #ffcc00; border-bottom", StringComparison.Ordinal)
            .Replace("{{ for column in dataset.columns }}", "{{ for column in dataset.columns | array.limit 4 }}", StringComparison.Ordinal)
            .Replace("{{ for cell in row.cells }}", "{{ for cell in row.cells | array.limit 4 }}", StringComparison.Ordinal);
        File.WriteAllText(template, text);
        var definition = cli.CopySampleConfig("weekly-usage.yaml");
        File.WriteAllText(definition, File.ReadAllText(definition).Replace("template: exec-summary", "template: my-templates/accounts.sbn", StringComparison.Ordinal));

        var result = await cli.RunAsync("run", definition, "--sample", "--format", "html", "--quiet");

        result.ExitCode.ShouldBe(0, result.ToString());
        var document = new HtmlParser().ParseDocument(File.ReadAllText(cli.PathOf("out", "weekly-usage.html")));
        var headers = document.QuerySelectorAll("table.accounts thead th").Select(th => th.TextContent).ToList();
        headers.ShouldBe(["Account ID", "Account", "Score", "Health"]);
        // The sample's html output says rows: 25; the analyst's copy keeps the built-in's "… and M more rows".
        document.QuerySelectorAll("table.accounts tbody tr").Length.ShouldBe(25);
        document.QuerySelector("p.more-rows")!.TextContent.ShouldBe("… and 675 more rows");
        document.QuerySelectorAll("table.accounts tbody tr").ShouldAllBe(tr => tr.Children.Length == 4);
        document.QuerySelector("style")!.TextContent.ShouldContain("#ffcc00");
    }

    [Fact]
    public async Task TemplatesInit_IntoAFolderWithTemplates_RefusesWithoutForce()
    {
        using var cli = new CliHarness();
        (await cli.RunAsync("templates", "init", "t")).ExitCode.ShouldBe(0);
        File.WriteAllText(cli.PathOf("t", "accounts.sbn"), "mine");

        var again = await cli.RunAsync("templates", "init", "t");
        var forced = await cli.RunAsync("templates", "init", "t", "--force");

        again.ExitCode.ShouldBe(2, again.ToString());
        again.Error.ShouldContain("--force");
        again.Error.ShouldContain("accounts.sbn");
        forced.ExitCode.ShouldBe(0, forced.ToString());
        File.ReadAllText(cli.PathOf("t", "accounts.sbn")).ShouldNotBe("mine");
    }
}
