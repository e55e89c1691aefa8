using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using TotangoReports.Data;
using TotangoReports.Definition;
using TotangoReports.Fixtures;
using TotangoReports.Rendering.Xlsx;

namespace TotangoReports.Bench;

/// <summary>
/// The XLSX renderer (SpreadCheetah, streaming) against a plain ClosedXML 0.95.4 writer on the same 100,000 × 20 table.
/// Each writer runs in its own child process (this harness re-invoked with hidden <c>--xlsx-child</c> arguments), so one
/// writer's heap can't inflate the other's peak: the child builds the input, warms up the JIT on a tenth-size table, resets the
/// kernel's peak-RSS mark, then times one write to a real file.
/// </summary>
internal sealed class XlsxBench : IBenchmark
{
    private const string ChildArg = "--xlsx-child=";
    private const string RowsArg = "--xlsx-rows=";
    private const string Renderer = "renderer";
    private const string ClosedXml = "closedxml";
    private const int FullRows = 100_000;
    private const int SmokeRows = 2_000;
    private const double SpeedTarget = 20;
    private const double MemoryTarget = 10;
    private const double TimeTargetMs = 2_000;
    private const long MemoryTargetBytes = 150L * 1024 * 1024;

    public string Name => "xlsx";

    public string Description => "XLSX renderer vs plain ClosedXML 0.95.4: 100k rows x 20 columns, time and peak memory";

    public async Task<int> RunAsync(bool smoke, TextWriter output, CancellationToken cancellationToken)
    {
        var args = Environment.GetCommandLineArgs();
        var child = args.FirstOrDefault(a => a.StartsWith(ChildArg, StringComparison.Ordinal));
        if (child is not null)
        {
            var childRows = int.Parse(args.First(a => a.StartsWith(RowsArg, StringComparison.Ordinal))[RowsArg.Length..], CultureInfo.InvariantCulture);
            var measurement = await MeasureAsync(child[ChildArg.Length..], childRows, cancellationToken);
            await output.WriteLineAsync(measurement.ToLine());
            return 0;
        }

        var rows = smoke ? SmokeRows : FullRows;
        var results = new List<XlsxBenchMeasurement>();
        foreach (var writer in new[] { Renderer, ClosedXml })
        {
            var result = await RunChildAsync(writer, rows, cancellationToken);
            if (result is null)
            {
                await output.WriteLineAsync($"xlsx: the {writer} child process reported no result.");
                return 1;
            }

            results.Add(result);
        }

        return Report(results[0], results[1], smoke, output);
    }

    private static int Report(XlsxBenchMeasurement ours, XlsxBenchMeasurement theirs, bool smoke, TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"### xlsx: {ours.Rows:N0} rows x {XlsxBenchData.Columns.Count} columns"));
        output.WriteLine();
        output.WriteLine("| Writer | Wall time (s) | CPU time (s) | Allocated (MB) | Peak RSS (MB) | Peak RSS above input (MB) | File (MB) |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var (label, m) in new[] { ("TotangoReports XlsxRenderer (SpreadCheetah)", ours), ("ClosedXML 0.95.4, plain", theirs) })
        {
            output.WriteLine(string.Create(c, $"| {label} | {m.Milliseconds / 1000:F2} | {m.CpuMilliseconds / 1000:F2} | {Mb(m.AllocatedBytes):F0} | {Mb(m.PeakRssBytes):F0} | {Mb(m.WriterPeakBytes):F0} | {Mb(m.FileBytes):F1} |"));
        }

        // Judged on CPU time: on a shared machine wall-clock time measures the neighbours as much as the writer.
        var speedUp = theirs.CpuMilliseconds / ours.CpuMilliseconds;
        var memoryRatio = (double)theirs.WriterPeakBytes / Math.Max(1, ours.WriterPeakBytes);
        var checks = new (string Text, bool Met)[]
        {
            (string.Create(c, $"speed-up {speedUp:F1}x in CPU time, {theirs.Milliseconds / ours.Milliseconds:F1}x wall (target >= {SpeedTarget}x)"), speedUp >= SpeedTarget),
            (string.Create(c, $"memory 1/{memoryRatio:F1} of ClosedXML (target <= 1/{MemoryTarget})"), memoryRatio >= MemoryTarget),
            (string.Create(c, $"renderer CPU time {ours.CpuMilliseconds / 1000:F2} s, wall {ours.Milliseconds / 1000:F2} s (target < 2 s)"), ours.CpuMilliseconds < TimeTargetMs),
            (string.Create(c, $"renderer peak above input {Mb(ours.WriterPeakBytes):F0} MB (target < 150 MB)"), ours.WriterPeakBytes < MemoryTargetBytes),
        };

        output.WriteLine();
        output.WriteLine($"- machine: {Environment.ProcessorCount} cores, load average {LoadAverage()} (1/5/15 min) when the run ended");
        foreach (var (text, met) in checks)
        {
            output.WriteLine($"- {(smoke ? "(smoke, not judged)" : met ? "met:" : "MISSED:")} {text}");
        }

        if (!ours.PeakWasReset || !theirs.PeakWasReset)
        {
            output.WriteLine("- note: the peak-RSS mark could not be reset (/proc/self/clear_refs); peaks include input building.");
        }

        return smoke || checks.All(x => x.Met) ? 0 : 1;
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static double Mb(long bytes) => bytes / (1024d * 1024d);

    private static async Task<XlsxBenchMeasurement?> RunChildAsync(string writer, int rows, CancellationToken cancellationToken)
    {
        var entry = Assembly.GetEntryAssembly();
        if (entry != typeof(XlsxBench).Assembly || Environment.ProcessPath is not { } process)
        {
            // Hosted elsewhere (a test runner): measure in this process; numbers are indicative only.
            return await MeasureAsync(writer, rows, cancellationToken);
        }

        var start = new ProcessStartInfo(process)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (string.Equals(Path.GetFileNameWithoutExtension(process), "dotnet", StringComparison.Ordinal))
        {
            start.ArgumentList.Add(entry.Location);
        }

        start.ArgumentList.Add("xlsx");
        start.ArgumentList.Add(ChildArg + writer);
        start.ArgumentList.Add(RowsArg + rows.ToString(CultureInfo.InvariantCulture));
        using var child = Process.Start(start) ?? throw new InvalidOperationException("could not start the benchmark child process");
        var stdout = child.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = child.StandardError.ReadToEndAsync(cancellationToken);
        await child.WaitForExitAsync(cancellationToken);
        var result = XlsxBenchMeasurement.Parse(await stdout);
        if (result is null || child.ExitCode != 0)
        {
            await Console.Error.WriteLineAsync(await stderr);
            return null;
        }

        return result;
    }

    private static async Task<XlsxBenchMeasurement> MeasureAsync(string writer, int rows, CancellationToken cancellationToken)
    {
        // A tenth-size warm-up first, so the measured write runs mostly tier-1 JIT code for both writers.
        await WriteAsync(writer, XlsxBenchData.Build(Math.Max(200, rows / 10)), Stream.Null, cancellationToken);
        var report = XlsxBenchData.Build(rows);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var peakReset = TryResetPeak();
        var inputRss = Rss(peak: false);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var path = Path.Combine(Path.GetTempPath(), $"xlsx-bench-{writer}-{Environment.ProcessId}.xlsx");
        var cpuBefore = CpuTime();
        var clock = Stopwatch.StartNew();
        await using (var file = File.Create(path))
        {
            await WriteAsync(writer, report, file, cancellationToken);
        }

        clock.Stop();
        var cpu = CpuTime() - cpuBefore;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var peak = Rss(peak: true);
        var bytes = new FileInfo(path).Length;
        File.Delete(path);
        GC.KeepAlive(report);
        return new XlsxBenchMeasurement(writer, rows, clock.Elapsed.TotalMilliseconds, cpu.TotalMilliseconds, allocated, inputRss, peak, bytes, peakReset);
    }

    private static async Task WriteAsync(string writer, Report report, Stream destination, CancellationToken cancellationToken)
    {
        if (writer == Renderer)
        {
            var output = new OutputDefinition { Format = OutputFormat.Xlsx, File = "bench.xlsx" };
            await new XlsxRenderer().RenderAsync(report, output, destination, cancellationToken);
        }
        else
        {
            ClosedXmlPlainWriter.Write(report.Datasets[0], report.TimeZone, destination);
        }
    }

    /// <summary>Writing 5 to clear_refs resets the kernel's peak-RSS mark (VmHWM), so the peak covers only the write.</summary>
    private static bool TryResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static TimeSpan CpuTime()
    {
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        return self.TotalProcessorTime;
    }

    private static long Rss(bool peak)
    {
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        return peak ? self.PeakWorkingSet64 : self.WorkingSet64;
    }
}
