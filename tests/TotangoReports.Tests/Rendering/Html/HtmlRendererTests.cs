using System.Text;
using TotangoReports.Definition;
using TotangoReports.Fixtures;
using TotangoReports.Rendering.Html;

namespace TotangoReports.Tests.Rendering.Html;

public sealed class HtmlRendererTests
{
    [Fact]
    public async Task RenderAsync_WritesUtf8WithoutBom_AndLeavesTheStreamOpen()
    {
        var report = TestReports.Accounts(3);
        var output = new OutputDefinition { Format = OutputFormat.Html, File = "x.html", Template = "accounts" };
        using var stream = new MemoryStream();

        await new HtmlRenderer().RenderAsync(report, output, stream, TestContext.Current.CancellationToken);

        stream.CanWrite.ShouldBeTrue();
        var bytes = stream.ToArray();
        bytes.Take(3).ShouldNotBe(new byte[] { 0xEF, 0xBB, 0xBF });
        new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes).ShouldContain("株式会社テスト");
    }

    [Fact]
    public async Task RenderToString_GivesTheSamePageAsRenderAsync()
    {
        var report = TestReports.Accounts(8);
        var output = new OutputDefinition { Format = OutputFormat.Html, File = "x.html", Template = "exec-summary" };
        var renderer = new HtmlRenderer(new HtmlRendererOptions { ChartMode = HtmlChartMode.CidImages });

        var text = renderer.RenderToString(report, output, TestContext.Current.CancellationToken);
        var streamed = await HtmlTestKit.RenderAsync(report, "exec-summary", renderer.Options);

        text.ShouldBe(streamed);
        renderer.Format.ShouldBe(OutputFormat.Html);
    }

    [Fact]
    public async Task Rendering_IsReproducible_ChartsIncluded()
    {
        var report = TestReports.Accounts(30);

        var first = await HtmlTestKit.RenderAsync(report, "exec-summary");
        var second = await HtmlTestKit.RenderAsync(report, "exec-summary");

        second.ShouldBe(first);
        first.ShouldContain("clip-path=\"url(#chart-health-clip0)\"");
    }
}
