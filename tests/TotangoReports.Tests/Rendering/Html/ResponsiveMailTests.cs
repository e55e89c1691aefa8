using System.Text.RegularExpressions;
using TotangoReports.Definition;
using TotangoReports.Delivery;
using TotangoReports.Tests.Fixtures;

namespace TotangoReports.Tests.Rendering.Html;

/// <summary>
/// The exec-summary mail laid out by headless Chromium at a phone's 375 px and a desktop's 640 px: no sideways
/// scrolling of the page, and every chart image drawn at its file's own aspect ratio.
/// </summary>
public sealed class ResponsiveMailTests
{
    [Theory]
    [InlineData(375)]
    [InlineData(640)]
    public async Task MailBody_AtViewport_HasNoSidewaysScroll_AndImagesKeepTheirRatio(int viewport)
    {
        // Arrange: the mail exactly as delivery composes it, its cid: images swapped for the PNGs it would attach.
        var mail = ComposeMail();
        var html = mail.HtmlBody!;
        foreach (var image in mail.InlineImages)
        {
            html = html.Replace("cid:" + image.ContentId, "data:image/png;base64," + Convert.ToBase64String(image.Png), StringComparison.Ordinal);
        }

        // Act
        var layout = await ChromiumLayout.MeasureAsync(html, viewport, TestContext.Current.CancellationToken);

        // Assert
        layout.Viewport.ShouldBe(viewport);
        layout.ScrollWidth.ShouldBe(layout.Viewport, $"the page scrolls sideways at {viewport} px");
        layout.Images.Count.ShouldBe(mail.InlineImages.Count);
        layout.Images.ShouldAllBe(i => i.Tag == "img" && i.OwnWidth > 0 && i.Width <= viewport);
        foreach (var image in layout.Images)
        {
            (image.Width / image.Height).ShouldBe(image.OwnWidth / image.OwnHeight, 0.01, $"an image of {image.OwnWidth}×{image.OwnHeight} drawn at {image.Width}×{image.Height}");
        }
    }

    [Theory]
    [InlineData(375)]
    [InlineData(1280)]
    public async Task HtmlReport_AtViewport_HasNoSidewaysScroll_AndInlineChartsKeepTheirRatio(int viewport)
    {
        // Arrange
        var html = await HtmlTestKit.RenderAsync(TestReports.Accounts(40), "exec-summary");

        // Act
        var layout = await ChromiumLayout.MeasureAsync(html, viewport, TestContext.Current.CancellationToken);

        // Assert
        layout.ScrollWidth.ShouldBe(layout.Viewport, $"the page scrolls sideways at {viewport} px");
        layout.Images.ShouldNotBeEmpty();
        foreach (var chart in layout.Images)
        {
            chart.Tag.ShouldBe("svg");
            (chart.Width / chart.Height).ShouldBe(chart.OwnWidth / chart.OwnHeight, 0.01);
        }
    }

    [Fact]
    public void MailBody_ImageAttributes_DeclareThePngsOwnSize()
    {
        var mail = ComposeMail();

        foreach (var image in mail.InlineImages)
        {
            var tag = Regex.Match(mail.HtmlBody!, "<img[^>]*cid:" + Regex.Escape(image.ContentId) + "[^>]*>").Value;
            using var bitmap = SkiaSharp.SKBitmap.Decode(image.Png);
            tag.ShouldContain($"width=\"{bitmap.Width}\"");
            tag.ShouldContain($"height=\"{bitmap.Height}\"");
            tag.ShouldContain("height:auto");
        }
    }

    private static EmailContent ComposeMail()
    {
        var report = TestReports.Accounts(40);
        var folder = Directory.CreateTempSubdirectory("mail-").FullName;
        try
        {
            using var staged = new StagedOutputs(folder);
            var html = new OutputDefinition { Format = OutputFormat.Html, File = "weekly.html", Template = "exec-summary" };
            return EmailComposer.Compose(report, new EmailDeliveryDefinition { To = ["execs@example.com"] }, [html], staged, TestContext.Current.CancellationToken);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
