using TotangoReports.Data;
using TotangoReports.Definition;

namespace TotangoReports.Tests.Rendering.Html;

/// <summary>
/// Each built-in template's output, loaded in a real browser with data that tries to run script. Every payload
/// would set document.title to "pwned" if it ever became markup; the DOM after load proves none did.
/// </summary>
[Trait("Category", "Slow")]
public sealed class BrowserEscapingTests
{
    private const string Pwned = "pwned";

    private static readonly string[] Payloads =
    [
        "<img src=x onerror=\"document.title='pwned'\">",
        "<script>document.title='pwned'</script>",
        "\"><img src=x onerror=\"document.title='pwned'\">",
        "<svg onload=\"document.title='pwned'\"></svg>",
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "{{ 'pwned' }}",
    ];

    private const string PayloadTitle = "Usage <script>document.title='pwned'</script>";

    [Theory]
    [InlineData("exec-summary", 0)]
    [InlineData("accounts", 1)]
    public async Task BuiltInTemplate_InChromium_ShowsPayloadsAsTextAndRunsNoInjectedScript(string template, int ownScripts)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var folder = new TempDirectory();
        var file = Path.Combine(folder.Path, template + ".html");
        await File.WriteAllTextAsync(file, await HtmlTestKit.RenderAsync(PayloadReport(), template), cancellationToken);

        var dom = HtmlTestKit.Parse(await HeadlessChromium.DumpDomAsync(file, cancellationToken));

        dom.Title.ShouldStartWith(PayloadTitle);
        dom.Title.ShouldNotBe(Pwned);
        dom.QuerySelectorAll("img[src='x'], svg[onload]").Length.ShouldBe(0);
        dom.QuerySelectorAll("script").Length.ShouldBe(ownScripts);
        var cellTexts = dom.QuerySelectorAll("td").Select(td => td.TextContent).ToHashSet(StringComparer.Ordinal);
        foreach (var payload in Payloads)
        {
            cellTexts.ShouldContain(payload);
        }

        dom.QuerySelector("h1")!.TextContent.ShouldBe(PayloadTitle);
        if (ownScripts > 0)
        {
            // The template's own sort script did run: scripts were enabled, so the absence of "pwned" means something.
            dom.QuerySelector("table.accounts")!.GetAttribute("data-sortable").ShouldBe("ready");
        }
    }

    [Fact]
    public async Task Chromium_DetectsAnInjectedPayload_WhenMarkupIsNotEscaped()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var folder = new TempDirectory();
        var file = folder.Write("control.html", $"<!DOCTYPE html><html><head><title>clean</title></head><body><table><tr><td>{Payloads[0]}</td></tr></table></body></html>");

        var dom = HtmlTestKit.Parse(await HeadlessChromium.DumpDomAsync(file, cancellationToken));

        dom.Title.ShouldBe(Pwned);
    }

    private static Report PayloadReport()
    {
        var report = HtmlTestKit.WithAccountNames(Payloads);
        return new Report
        {
            Definition = new ReportDefinition
            {
                Title = PayloadTitle,
                Description = "<img src=x onerror=\"document.title='pwned'\">",
                TimeZone = report.Definition.TimeZone,
                Datasets = report.Definition.Datasets,
                SourcePath = report.Definition.SourcePath,
            },
            GeneratedAt = report.GeneratedAt,
            TimeZone = report.TimeZone,
            Parameters = new Dictionary<string, string>(StringComparer.Ordinal) { ["region"] = "<script>document.title='pwned'</script>" },
            Datasets = report.Datasets,
            Warnings = ["<img src=x onerror=\"document.title='pwned'\">"],
        };
    }
}
