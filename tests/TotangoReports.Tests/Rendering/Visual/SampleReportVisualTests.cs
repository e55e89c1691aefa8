using System.Diagnostics;
using System.Text.RegularExpressions;
using SkiaSharp;
using TotangoReports.Tests.Cli;
using TotangoReports.Tests.Rendering.Html;

namespace TotangoReports.Tests.Rendering.Visual;

/// <summary>
/// The four sample reports as a reader sees them: the first two PDF pages rasterised by poppler and the HTML by
/// Chromium, each compared with a committed baseline (regenerate: <c>UPDATE_BASELINES=1</c>, see
/// <see cref="ImageBaseline"/>); and in every page of every sample PDF, as <c>pdftotext -bbox</c> reads it, no two
/// words overlap and no number, date or time is split across lines.
/// </summary>
public sealed partial class SampleReportVisualTests
{
    public static readonly TheoryData<string> Samples = new(SampleReports.Names);

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task SamplePdf_NoTwoWordsOverlap_AndNoNumberIsSplit(string sample)
    {
        // Arrange
        using var cli = new CliHarness();
        var (pdf, _) = await SampleReports.RenderAsync(cli, sample);

        // Act
        var pages = PdfWordBoxes.Read(pdf);

        // Assert
        pages.Count.ShouldBeGreaterThan(1);
        var problems = new List<string>();
        for (var p = 0; p < pages.Count; p++)
        {
            var words = pages[p].OrderBy(w => w.YMin).ToList();
            for (var i = 0; i < words.Count; i++)
            {
                if (IsSplitNumber(words[i], words))
                {
                    problems.Add($"page {p + 1}: '{words[i].Text}' is part of a number, date or time split across lines");
                }

                for (var j = i + 1; j < words.Count && words[j].YMin < words[i].YMax; j++)
                {
                    if (words[i].Overlaps(words[j]))
                    {
                        problems.Add($"page {p + 1}: '{words[i].Text}' overlaps '{words[j].Text}'");
                    }
                }
            }
        }

        problems.ShouldBeEmpty(string.Join(Environment.NewLine, problems.Take(20)));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task SampleReport_LooksLikeItsBaseline(string sample)
    {
        // Arrange
        using var cli = new CliHarness();
        var (pdf, html) = await SampleReports.RenderAsync(cli, sample);

        // Act: the overview page and the first table page at 30 dpi, the mail body at a 640 px desktop width.
        var images = new List<(string Name, SKBitmap Image)>();
        for (var page = 1; page <= 2; page++)
        {
            var prefix = cli.PathOf($"page{page}");
            PdfWordBoxes.Run("pdftoppm", "-r", "30", "-png", "-singlefile", "-f", page.ToString(System.Globalization.CultureInfo.InvariantCulture), "-l", page.ToString(System.Globalization.CultureInfo.InvariantCulture), pdf, prefix);
            images.Add(($"{sample}-pdf-page{page}.png", SKBitmap.Decode(prefix + ".png")));
        }

        images.Add(($"{sample}-html-640.png", await ScreenshotAsync(html, cli.PathOf("html.png"))));

        // Assert
        foreach (var (name, image) in images)
        {
            using (image)
            {
                ImageBaseline.Compare(image, Path.Combine(ImageBaseline.Folder(), name));
            }
        }
    }

    /// <summary>
    /// "2,2" or "2024-07-2" is a piece; "28," is one when the line below it starts with digits right under it
    /// (in prose, "the last 7, 30 and 90 days" ends a word with a comma too).
    /// </summary>
    private static bool IsSplitNumber(WordBox word, List<WordBox> page)
    {
        if (!NumberLike().IsMatch(word.Text))
        {
            return false;
        }

        var trimmed = word.Text.TrimEnd(',', '.', ':', '-');
        if (!WholeNumber().IsMatch(trimmed))
        {
            return true;
        }

        var height = word.YMax - word.YMin;
        return trimmed.Length < word.Text.Length && page.Exists(w =>
            w.YMin >= word.YMax - 0.5 && w.YMin < word.YMax + height && w.XMin < word.XMax && word.XMin < w.XMax && char.IsAsciiDigit(w.Text[0]));
    }

    private static async Task<SKBitmap> ScreenshotAsync(string html, string png)
    {
        var executable = HeadlessChromium.RequireExecutable();
        using var profile = new TempDirectory();
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--force-device-scale-factor=1", "--user-data-dir=" + profile.Path,
            // The charts are images decoded after the load event: on a busy machine the shot was taken before the last
            // one was painted. Virtual time lets every pending task (decoding, layout) finish first.
            "--virtual-time-budget=10000", "--run-all-compositor-stages-before-draw",
            "--window-size=640,1600", "--screenshot=" + png, new Uri(html).AbsoluteUri,
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        File.Exists(png).ShouldBeTrue($"chromium exited with {process.ExitCode} without a screenshot: {await stderr}");
        return SKBitmap.Decode(png);
    }

    /// <summary>A word made only of digits and number punctuation.</summary>
    [GeneratedRegex(@"^[-+]?[\d,.:%/-]*\d[\d,.:%/-]*$")]
    private static partial Regex NumberLike();

    /// <summary>Whole: 2,201 · 28,391 · 0.5 · 12% · 2024-07-26 · 11/12/24 · 01:19 · 2026 (a piece like "2,2" or "28," is not).</summary>
    [GeneratedRegex(@"^(?:[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2}(?:\d{2})?|\d{1,2}:\d{2})$")]
    private static partial Regex WholeNumber();
}
