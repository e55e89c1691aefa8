using Microsoft.Extensions.Logging;
using TotangoReports.Api;
using TotangoReports.Api.Internal;
using TotangoReports.Runs;
using TotangoReports.Sample;

namespace TotangoReports;

/// <summary>
/// Where a report's data comes from: the live Totango Data API, the built-in sample data, a saved snapshot, or any
/// <see cref="IActiveListSource"/> of your own.
/// </summary>
public sealed class ReportSource
{
    private readonly Func<ReportEngineOptions, DateTimeOffset, OpenedSource> _open;

    private ReportSource(Func<ReportEngineOptions, DateTimeOffset, OpenedSource> open, SourceKind kind)
    {
        _open = open;
        Kind = kind;
    }

    /// <summary>The live API with <see cref="ReportEngineOptions.Totango"/> (a token is required).</summary>
    public static ReportSource Live { get; } = new(
        (options, _) => new OpenedSource(new TotangoHttpSource(options.Totango, options.Time, options.Logger), UrlText.Display(options.Totango.BaseUrl), Owned: true),
        SourceKind.Live);

    /// <summary>
    /// Sample data as exact API pages: deterministic accounts (the same size and seed give the same report),
    /// lists 1 (all), 1004 (paying) and 1010 (at risk), dated relative to the run's now. Nothing is fetched. Every
    /// output of a report built from it says "SAMPLE DATA"; a run sends its mail only with
    /// <see cref="RunOptions.SendSampleMail"/> and never moves a <c>since: last-run</c> watermark.
    /// </summary>
    /// <param name="accounts">Accounts in list 1, 0..10,000,000. Default 700.</param>
    /// <param name="seed">Generator seed. Default 1.</param>
    public static ReportSource Sample(int accounts = SampleData.DefaultAccounts, int seed = SampleData.DefaultSeed)
    {
        var options = new SampleSourceOptions { Accounts = accounts, Seed = seed };
        options.Validate();
        return new((_, now) => new OpenedSource(new SampleActiveListSource(new SampleSourceOptions { Accounts = options.Accounts, Seed = options.Seed, Epoch = now }), "sample", Owned: true), SourceKind.Sample)
        {
            SampleOptions = options,
        };
    }

    /// <summary>Pages saved earlier (the CLI's <c>fetch --save</c>), read offline.</summary>
    public static ReportSource Snapshot(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        return new((_, _) => new OpenedSource(new SnapshotSource(directory), "snapshot:" + directory, Owned: true), SourceKind.Snapshot);
    }

    /// <summary>Your own source of API pages; <paramref name="name"/> is how the manifest names it. It is not disposed.</summary>
    public static ReportSource From(IActiveListSource source, string name)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new((_, _) => new OpenedSource(source, name, Owned: false), SourceKind.Custom);
    }

    /// <summary>The sample's size and seed (for its in-memory history); null for every other source.</summary>
    internal SampleSourceOptions? SampleOptions { get; private init; }

    /// <summary>Which kind of source this is.</summary>
    internal SourceKind Kind { get; }

    /// <summary>The built-in sample data: outputs are marked, no mail unless asked, the watermark stays.</summary>
    internal bool IsSample => Kind == SourceKind.Sample;

    /// <param name="now">The run's now: the sample data is dated relative to it.</param>
    internal OpenedSource Open(ReportEngineOptions options, DateTimeOffset now) => _open(options, now);
}


/// <summary>A source ready to read, its name for the manifest, and whether the run disposes it.</summary>
internal sealed record OpenedSource(IActiveListSource Source, string Name, bool Owned) : IDisposable
{
    public void Dispose()
    {
        if (Owned)
        {
            (Source as IDisposable)?.Dispose();
        }
    }
}
