using AngleSharp.Html.Parser;
using TotangoReports.Preview;

namespace TotangoReports.Tests.Preview;

/// <summary>The preview server over loopback HTTP, read by an independent HTML parser (no browser).</summary>
public sealed class PreviewHostTests
{
    [Fact]
    public async Task Content_ShowsEveryOutput_AsAReaderSeesIt()
    {
        await using var preview = await PreviewFolder.StartAsync();
        using var http = new HttpClient { BaseAddress = preview.Host.Url };

        var document = await ContentAsync(http);

        document.QuerySelector("#render")!.GetAttribute("data-state").ShouldBe("ok");
        document.QuerySelectorAll("section.output").Select(s => s.GetAttribute("data-format")).ShouldBe(["html", "xlsx", "csv"]);
        var frame = document.QuerySelector("iframe.html-output")!;
        frame.GetAttribute("sandbox").ShouldBe(string.Empty);
        frame.GetAttribute("srcdoc")!.ShouldContain("<footer>made by the test</footer>");
        document.QuerySelectorAll("details.sheet summary").Select(s => s.FirstChild!.TextContent.Trim()).ShouldContain("accounts");
        var csvRows = document.QuerySelectorAll("details.csv tr");
        csvRows.Length.ShouldBe(61);
        csvRows[0].TextContent.ShouldBe("AccountScore");
        document.QuerySelector(".kpi b")!.TextContent.ShouldBe("60");
    }

    [Fact]
    public async Task Content_EscapesDefinitionTextDataAndDiagnostics()
    {
        var hostile = PreviewFolder.Definition
            .Replace("title: Preview test", "title: '<script>window.owned=1</script>'", StringComparison.Ordinal)
            .Replace("name: Score,", "name: '<img src=x onerror=alert(1)>',", StringComparison.Ordinal);
        await using var preview = await PreviewFolder.StartAsync(definition: hostile);
        using var http = new HttpClient { BaseAddress = preview.Host.Url };

        var document = await ContentAsync(http);

        document.QuerySelectorAll("script").Length.ShouldBe(0);
        document.QuerySelectorAll("img:not(.chart)").Length.ShouldBe(0);
        document.QuerySelectorAll("[onerror]").Length.ShouldBe(0);
        document.QuerySelector("section.summary h2")!.TextContent.ShouldBe("<script>window.owned=1</script>");
        document.QuerySelectorAll("details.csv td.b").Select(td => td.TextContent).ShouldContain("<img src=x onerror=alert(1)>");
    }

    [Fact]
    public async Task Content_InvalidDefinition_ShowsEachDiagnosticWithFileLineColumnAndTheLine()
    {
        var typo = PreviewFolder.Definition.Replace("  accounts:\n    list: 1", "  accounts:\n    lisst: 1", StringComparison.Ordinal);
        await using var preview = await PreviewFolder.StartAsync(definition: typo);
        using var http = new HttpClient { BaseAddress = preview.Host.Url };

        var document = await ContentAsync(http);

        document.QuerySelector("#render")!.GetAttribute("data-state").ShouldBe("error");
        var diagnostic = document.QuerySelectorAll("#error li.diagnostic").First(d => d.TextContent.Contains("lisst", StringComparison.Ordinal));
        diagnostic.QuerySelector(".where")!.TextContent.ShouldBe(preview.DefinitionPath + ":5:5");
        diagnostic.QuerySelector("pre.source")!.TextContent.ShouldStartWith("    lisst: 1\n    ^");
        document.QuerySelector("#last-good")!.TextContent.ShouldContain("No good render yet");
    }

    [Fact]
    public async Task Page_LoadsNothingFromOutside_AndAnswersOnlyLoopbackNames()
    {
        await using var preview = await PreviewFolder.StartAsync();
        using var http = new HttpClient { BaseAddress = preview.Host.Url };

        using var page = await http.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        using var rebound = new HttpRequestMessage(HttpMethod.Get, "/content");
        rebound.Headers.Host = "attacker.example";
        using var refused = await http.SendAsync(rebound, TestContext.Current.CancellationToken);

        page.Headers.GetValues("Content-Security-Policy").Single().ShouldStartWith("default-src 'none';");
        var shell = new HtmlParser().ParseDocument(await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        shell.QuerySelectorAll("[src],link[href]").Length.ShouldBe(0);
        ((int)refused.StatusCode).ShouldBe(421);
    }

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("192.168.1.10")]
    [InlineData("example.com")]
    public async Task Start_NonLoopbackHost_IsRefused(string host)
    {
        var options = new PreviewOptions { DefinitionPath = "/nowhere/report.yaml", Host = host, Port = 0 };

        var error = await Should.ThrowAsync<ArgumentException>(() => PreviewHost.StartAsync(options, TestContext.Current.CancellationToken));

        error.Message.ShouldContain("loopback only");
    }

    [Fact]
    public async Task Events_StreamOneRenderEventPerNewerRender()
    {
        await using var preview = await PreviewFolder.StartAsync();
        using var http = new HttpClient { BaseAddress = preview.Host.Url };
        using var response = await http.GetAsync(new Uri("/events", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));

        var first = await ReadEventAsync(reader);
        PreviewFolder.Save(preview.TemplatePath, PreviewFolder.Template("#445566"));
        var second = await ReadEventAsync(reader);

        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/event-stream");
        first.ShouldBe("event: render\ndata: 1");
        second.ShouldStartWith("event: render\ndata: ");
        long.Parse(second.Split("data: ")[1], System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(1);
    }

    private static async Task<string> ReadEventAsync(StreamReader reader)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        var lines = new List<string>();
        while (await reader.ReadLineAsync(timeout.Token) is { } line && line.Length > 0)
        {
            lines.Add(line);
        }

        return string.Join('\n', lines);
    }

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> ContentAsync(HttpClient http)
    {
        var html = await http.GetStringAsync(new Uri("/content", UriKind.Relative), TestContext.Current.CancellationToken);
        return new HtmlParser().ParseDocument("<!doctype html><html><body>" + html + "</body></html>");
    }
}
