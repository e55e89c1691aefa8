using System.Diagnostics;
using System.Globalization;
using TotangoReports.Data;
using TotangoReports.Definition;
using TotangoReports.Fixtures;
using TotangoReports.Rendering.Html;

namespace TotangoReports.Bench;

/// <summary>
/// The <c>accounts</c> template over a 10,000-row dataset (12 columns, groups): wall time and allocations per
/// render. Target: under 1 s.
/// </summary>
internal sealed class HtmlBench : IBenchmark
{
    private static readonly TimeSpan Target = TimeSpan.FromSeconds(1);

    public string Name => "html";

    public string Description => "accounts template, 10,000 rows: time and memory per render (target < 1 s)";

    public async Task<int> RunAsync(bool smoke, TextWriter output, CancellationToken cancellationToken)
    {
        var rows = smoke ? 200 : 10_000;
        var iterations = smoke ? 1 : 7;
        var report = BenchReport.Create(rows);
        var renderer = new HtmlRenderer();
        var html = new OutputDefinition { Format = OutputFormat.Html, File = "accounts.html", Template = "accounts" };

        // Warm-up: JIT, template parse paths, embedded resource reads.
        var bytes = await RenderOnceAsync(renderer, report, html, cancellationToken);

        var times = new List<TimeSpan>(iterations);
        var allocations = new List<long>(iterations);
        for (var i = 0; i < iterations; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            bytes = await RenderOnceAsync(renderer, report, html, cancellationToken);
            watch.Stop();
            times.Add(watch.Elapsed);
            allocations.Add(GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore);
        }

        times.Sort();
        allocations.Sort();
        var median = times[times.Count / 2];
        var met = median < Target;
        using var process = Process.GetCurrentProcess();
        output.WriteLine("| benchmark | rows × columns | output | median | min | max | allocated / render | peak working set | target |");
        output.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| html accounts | {rows:N0} × {report.Datasets[0].Columns.Count} | {bytes / 1024.0 / 1024.0:F1} MB | {median.TotalMilliseconds:F0} ms | {times[0].TotalMilliseconds:F0} ms | {times[^1].TotalMilliseconds:F0} ms | {allocations[allocations.Count / 2] / 1024.0 / 1024.0:F0} MB | {process.PeakWorkingSet64 / 1024.0 / 1024.0:F0} MB | < {Target.TotalMilliseconds:F0} ms: {(met ? "met" : "MISSED")} |"));
        return met || smoke ? 0 : 1;
    }

    private static async Task<long> RenderOnceAsync(HtmlRenderer renderer, Report report, OutputDefinition output, CancellationToken cancellationToken)
    {
        await using var sink = new CountingStream();
        await renderer.RenderAsync(report, output, sink, cancellationToken);
        return sink.Length;
    }

    /// <summary>Counts what is written and keeps nothing, so the numbers are the renderer's own.</summary>
    private sealed class CountingStream : Stream
    {
        private long _written;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _written;

        public override long Position { get => _written; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => _written += count;

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _written += buffer.Length;
            return ValueTask.CompletedTask;
        }
    }
}
