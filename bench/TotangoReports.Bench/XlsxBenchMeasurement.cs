using System.Globalization;

namespace TotangoReports.Bench;

/// <summary>One writer's run, as a child process reports it on one stdout line.</summary>
/// <param name="Milliseconds">Wall-clock time of the write.</param>
/// <param name="CpuMilliseconds">Processor time the process used during the write (all threads), immune to other load on the machine.</param>
internal sealed record XlsxBenchMeasurement(string Writer, int Rows, double Milliseconds, double CpuMilliseconds, long AllocatedBytes, long InputRssBytes, long PeakRssBytes, long FileBytes, bool PeakWasReset)
{
    private const string Prefix = "XLSXBENCH|";

    /// <summary>Peak resident memory above the process with its input already built: what writing cost.</summary>
    public long WriterPeakBytes => Math.Max(0, PeakRssBytes - InputRssBytes);

    public string ToLine() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Prefix}{Writer}|{Rows}|{Milliseconds:R}|{CpuMilliseconds:R}|{AllocatedBytes}|{InputRssBytes}|{PeakRssBytes}|{FileBytes}|{PeakWasReset}");

    public static XlsxBenchMeasurement? Parse(string stdout)
    {
        var line = stdout.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith(Prefix, StringComparison.Ordinal));
        if (line is null)
        {
            return null;
        }

        var p = line[Prefix.Length..].Split('|');
        var c = CultureInfo.InvariantCulture;
        return new XlsxBenchMeasurement(
            p[0],
            int.Parse(p[1], c),
            double.Parse(p[2], c),
            double.Parse(p[3], c),
            long.Parse(p[4], c),
            long.Parse(p[5], c),
            long.Parse(p[6], c),
            long.Parse(p[7], c),
            bool.Parse(p[8]));
    }
}
