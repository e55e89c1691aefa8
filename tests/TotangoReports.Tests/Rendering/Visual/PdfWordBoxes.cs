using System.Diagnostics;
using System.Globalization;
using System.Xml.Linq;

namespace TotangoReports.Tests.Rendering.Visual;

/// <summary>Every word of a PDF with its box, as poppler's <c>pdftotext -bbox</c> reads it (an independent reader).</summary>
internal static class PdfWordBoxes
{
    public static IReadOnlyList<IReadOnlyList<WordBox>> Read(string pdf)
    {
        var html = Run("pdftotext", "-bbox", "-enc", "UTF-8", pdf, "-");
        // The output is XHTML; drop the doctype so it parses as plain XML.
        var start = html.IndexOf("<html", StringComparison.Ordinal);
        var document = XDocument.Parse(html[start..]);
        XNamespace x = "http://www.w3.org/1999/xhtml";
        return document.Descendants(x + "page")
            .Select(page => (IReadOnlyList<WordBox>)page.Elements(x + "word").Select(w => new WordBox(
                w.Value,
                double.Parse(w.Attribute("xMin")!.Value, CultureInfo.InvariantCulture),
                double.Parse(w.Attribute("yMin")!.Value, CultureInfo.InvariantCulture),
                double.Parse(w.Attribute("xMax")!.Value, CultureInfo.InvariantCulture),
                double.Parse(w.Attribute("yMax")!.Value, CultureInfo.InvariantCulture))).ToList())
            .ToList();
    }

    /// <summary>Runs a poppler tool; without it the test is skipped locally and fails in CI (.ci/run installs it).</summary>
    public static string Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception) when (Environment.GetEnvironmentVariable("CI") is null)
        {
            Assert.Skip($"{tool} is not installed (apt-get install -y poppler-utils); skipped locally only, CI fails instead");
            throw;
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            process.ExitCode.ShouldBe(0, $"{tool}: {error}");
            return output.Result;
        }
    }
}

internal sealed record WordBox(string Text, double XMin, double YMin, double XMax, double YMax)
{
    /// <summary>Overlap beyond a hair (glyph boxes of neighbouring words may touch).</summary>
    public bool Overlaps(WordBox other, double tolerance = 0.5) =>
        XMin + tolerance < other.XMax && other.XMin + tolerance < XMax && YMin + tolerance < other.YMax && other.YMin + tolerance < YMax;
}
