using System.Diagnostics;
using System.Text.Json;

namespace TotangoReports.Tests.Rendering.Html;

/// <summary>
/// Lays a page out in headless Chromium at a given viewport and reads back what a reader would see: the page's
/// scroll width against the viewport, and each image's (img or svg) rendered size against its own size. A script
/// in a wrapper page writes the numbers into the DOM, which Chromium dumps.
/// </summary>
internal static class ChromiumLayout
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    // Chromium will not make a window narrower than 500 px, so the page is laid out in an iframe of the viewport's
    // width (srcdoc: same origin, so the parent can measure it); tall enough that no vertical scrollbar takes room.
    private const string Probe = """
        <script>
        var frame = document.getElementById('page');
        frame.addEventListener('load', function () {
          var doc = frame.contentDocument;
          var root = doc.documentElement;
          var images = [];
          doc.querySelectorAll('img, svg:not(.sparkline)').forEach(function (e) {
            var box = e.getBoundingClientRect();
            var own = e.tagName.toLowerCase() === 'img'
              ? [e.naturalWidth, e.naturalHeight]
              : (e.viewBox && e.viewBox.baseVal && e.viewBox.baseVal.width ? [e.viewBox.baseVal.width, e.viewBox.baseVal.height] : [0, 0]);
            images.push({ tag: e.tagName.toLowerCase(), width: box.width, height: box.height, ownWidth: own[0], ownHeight: own[1] });
          });
          var result = { viewport: root.clientWidth, scrollWidth: Math.max(root.scrollWidth, doc.body.scrollWidth), images: images };
          document.body.setAttribute('data-layout', JSON.stringify(result));
        });
        </script>
        """;

    public static async Task<PageLayout> MeasureAsync(string html, int width, CancellationToken cancellationToken)
    {
        var executable = HeadlessChromium.RequireExecutable();
        using var folder = new TempDirectory();
        var file = Path.Combine(folder.Path, "page.html");
        var frame = string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"<!DOCTYPE html><html><body style=\"margin:0\"><iframe id=\"page\" style=\"border:0;width:{width}px;height:20000px\" srcdoc=\"{System.Net.WebUtility.HtmlEncode(html)}\"></iframe>{Probe}</body></html>");
        await File.WriteAllTextAsync(file, frame, cancellationToken);
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--user-data-dir=" + Path.Combine(folder.Path, "profile"),
            "--window-size=" + Math.Max(width + 100, 800).ToString(System.Globalization.CultureInfo.InvariantCulture) + ",900",
            "--virtual-time-budget=3000", "--dump-dom", new Uri(file).AbsoluteUri,
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        var dom = HtmlTestKit.Parse(await stdout);
        var json = dom.Body?.GetAttribute("data-layout");
        json.ShouldNotBeNull($"chromium exited with {process.ExitCode} and did not lay the page out: {await stderr}");
        return JsonSerializer.Deserialize<PageLayout>(json, Json)!;
    }
}

internal sealed record PageLayout(double Viewport, double ScrollWidth, IReadOnlyList<ImageBox> Images);

internal sealed record ImageBox(string Tag, double Width, double Height, double OwnWidth, double OwnHeight);
