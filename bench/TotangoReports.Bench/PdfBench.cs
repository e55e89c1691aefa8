using System.Diagnostics;
using System.Globalization;
using System.Text;
using TotangoReports.Data;
using TotangoReports.Definition;
using TotangoReports.Fixtures;
using TotangoReports.Rendering.Pdf;

namespace TotangoReports.Bench;

/// <summary>
/// PDF rendering throughput: a 10,000-row, 8-column report (overview page with charts, then the table) written to
/// a file. Targets: at least 300 pages per second and a peak working set under 200 MB. A second, single run with
/// 100,000 rows (not in smoke mode) shows whether peak memory still grows with the page count.
/// </summary>
internal sealed class PdfBench : IBenchmark
{
    private const double TargetPagesPerSecond = 300;
    private const double TargetPeakMegabytes = 200;
    private const int BigRows = 100_000;

    public string Name => "pdf";

    public string Description => "PDF renderer: 10,000 rows x 8 columns to a file; pages/s and peak memory";

    public async Task<int> RunAsync(bool smoke, TextWriter output, CancellationToken cancellationToken)
    {
        var rows = smoke ? 200 : 10_000;
        var path = Path.Combine(Path.GetTempPath(), $"totango-pdf-bench-{Environment.ProcessId}.pdf");
        var renderer = new PdfRenderer();
        var pdfOutput = new OutputDefinition { Format = OutputFormat.Pdf, File = "bench.pdf" };
        try
        {
            // Warm-up: JIT, font loading, ScottPlot statics.
            await RenderAsync(renderer, BuildReport(50), pdfOutput, path, cancellationToken);

            var report = BuildReport(rows);
            var runs = smoke ? 1 : 3;
            var wall = new List<double>(runs);
            var cpu = new List<double>(runs);
            long allocated = 0;
            using var process = Process.GetCurrentProcess();
            for (var run = 0; run < runs; run++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
                process.Refresh();
                var cpuBefore = process.TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                await RenderAsync(renderer, report, pdfOutput, path, cancellationToken);
                watch.Stop();
                process.Refresh();
                cpu.Add((process.TotalProcessorTime - cpuBefore).TotalSeconds);
                wall.Add(watch.Elapsed.TotalSeconds);
                allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            }

            process.Refresh();
            var peakMegabytes = process.PeakWorkingSet64 / (1024.0 * 1024.0);
            var pages = CountPages(path);
            var bytes = new FileInfo(path).Length;
            var best = wall.Min();
            var median = wall.Order().ElementAt(wall.Count / 2);
            var pagesPerSecond = pages / best;

            var inv = CultureInfo.InvariantCulture;
            output.WriteLine("| rows | columns | pages | file | best time | median time | CPU time (best run) | pages/s (best) | pages/s (median) | peak working set | managed allocated per run |");
            output.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            output.WriteLine(string.Create(inv, $"| {rows:#,##0} | 8 | {pages:#,##0} | {bytes / 1024.0:#,##0} KiB | {best * 1000:#,##0} ms | {median * 1000:#,##0} ms | {cpu[wall.IndexOf(best)] * 1000:#,##0} ms | {pagesPerSecond:#,##0} | {pages / median:#,##0} | {peakMegabytes:#,##0} MB | {allocated / (1024.0 * 1024.0):#,##0} MB |"));
            output.WriteLine();
            output.WriteLine(string.Create(inv, $"Runs: {runs} (after a warm-up). Targets: ≥ {TargetPagesPerSecond} pages/s: {(pagesPerSecond >= TargetPagesPerSecond ? "met" : "MISSED")}; peak < {TargetPeakMegabytes} MB: {(peakMegabytes < TargetPeakMegabytes ? "met" : "MISSED")}."));
            if (!smoke)
            {
                await RunBigAsync(renderer, pdfOutput, path, process, output, cancellationToken);
            }

            return 0;
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>
    /// One run with 100,000 rows: the layout used to keep every page's shaped text alive, so this is where a
    /// regression in memory shows. The peak is the process's since start, which this run dominates.
    /// </summary>
    private static async Task RunBigAsync(PdfRenderer renderer, OutputDefinition pdfOutput, string path, Process process, TextWriter output, CancellationToken cancellationToken)
    {
        var report = BuildReport(BigRows);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var watch = Stopwatch.StartNew();
        await RenderAsync(renderer, report, pdfOutput, path, cancellationToken);
        watch.Stop();
        process.Refresh();
        var peakMegabytes = process.PeakWorkingSet64 / (1024.0 * 1024.0);
        var pages = CountPages(path);
        var seconds = watch.Elapsed.TotalSeconds;
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine();
        output.WriteLine("| rows | columns | pages | time | pages/s | peak working set |");
        output.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: |");
        output.WriteLine(string.Create(inv, $"| {BigRows:#,##0} | 8 | {pages:#,##0} | {seconds * 1000:#,##0} ms | {pages / seconds:#,##0} | {peakMegabytes:#,##0} MB |"));
        output.WriteLine();
        output.WriteLine("Big case: 1 run; peak working set of the whole process so far.");
    }

    private static async Task RenderAsync(PdfRenderer renderer, Report report, OutputDefinition output, string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        await renderer.RenderAsync(report, output, stream, cancellationToken);
    }

    /// <summary>Counts page objects (Skia writes one <c>/Type /Page</c> dictionary per page).</summary>
    private static int CountPages(string path)
    {
        var text = Encoding.Latin1.GetString(File.ReadAllBytes(path));
        var count = 0;
        var index = 0;
        while ((index = text.IndexOf("/Type /Page", index, StringComparison.Ordinal)) >= 0)
        {
            index += "/Type /Page".Length;
            if (index < text.Length && text[index] != 's')
            {
                count++;
            }
        }

        return count;
    }

    private static Report BuildReport(int rows) =>
        BenchReport.Create(rows, ["Account ID", "Account", "Score", "Health", "Region", "Renewal", "Last activity", "Utilisation"], withGroups: false);
}
