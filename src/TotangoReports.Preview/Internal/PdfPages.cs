using System.Diagnostics;

namespace TotangoReports.Preview.Internal;

/// <summary>
/// Draws a PDF's first pages as PNG images with poppler's <c>pdftoppm</c> (no PDF rasteriser library is served);
/// without it the page says so. Drawn on first request and kept per render.
/// </summary>
internal sealed class PdfPages(string? executable, int maxPages)
{
    private readonly string? _executable = executable ?? FindOnPath("pdftoppm");

    public bool Available => _executable is not null;

    public async Task<IReadOnlyList<byte[]>> DrawAsync(byte[] pdf, CancellationToken cancellationToken)
    {
        if (_executable is null)
        {
            return [];
        }

        var folder = Directory.CreateTempSubdirectory("totango-preview-");
        try
        {
            var input = Path.Combine(folder.FullName, "report.pdf");
            await File.WriteAllBytesAsync(input, pdf, cancellationToken);
            var start = new ProcessStartInfo(_executable) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var argument in new[] { "-png", "-r", "60", "-f", "1", "-l", maxPages.ToString(System.Globalization.CultureInfo.InvariantCulture), input, Path.Combine(folder.FullName, "page") })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            await process.WaitForExitAsync(cancellationToken);

            // pdftoppm pads page numbers to the page count's width: sorting by name keeps the order.
            return Directory.GetFiles(folder.FullName, "page*.png").Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToList();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
