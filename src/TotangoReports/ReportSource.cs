using Microsoft.Extensions.Logging;
using TotangoReports.Api;
using TotangoReports.Sample;

namespace TotangoReports;

/// <summary>
/// Where a report's data comes from: the live Totango Data API, the built-in sample data, a saved snapshot, or any
/// <see cref="IActiveListSource"/> of your own.
/// </summary>
public sealed class ReportSource
{
    private readonly Func<ReportEngineOptions, OpenedSource> _open;

    private ReportSource(Func<ReportEngineOptions, OpenedSource> open, bool demo)
    {
        _open = open;
        IsDemo = demo;
    }

    /// <summary>The live API with <see cref="ReportEngineOptions.Totango"/> (a token is required).</summary>
    public static ReportSource Live { get; } = new(
        options => new OpenedSource(new TotangoHttpSource(options.Totango, options.Time, options.Logger), options.Totango.BaseUrl.ToString(), Owned: true),
        demo: false);

    /// <summary>
    /// Sample data as exact API pages: deterministic accounts (the same size and seed give the same report),
    /// lists 1 (all), 1004 (paying) and 1010 (at risk). Nothing is fetched.
    /// </summary>
    /// <param name="accounts">Accounts in list 1, 0..10,000,000. Default 700.</param>
    /// <param name="seed">Generator seed. Default 1.</param>
    public static ReportSource Sample(int accounts = SampleData.DefaultAccounts, int seed = SampleData.DefaultSeed)
    {
        var options = new SampleSourceOptions { Accounts = accounts, Seed = seed };
        options.Validate();
        return new(_ => new OpenedSource(new SampleActiveListSource(options), "sample", Owned: true), demo: true);
    }

    /// <summary>Pages saved earlier (the CLI's <c>fetch --save</c>), read offline.</summary>
    public static ReportSource Snapshot(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        return new(_ => new OpenedSource(new SnapshotSource(directory), "snapshot:" + directory, Owned: true), demo: true);
    }

    /// <summary>Your own source of API pages; <paramref name="name"/> is how the manifest names it. It is not disposed.</summary>
    public static ReportSource From(IActiveListSource source, string name)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new(_ => new OpenedSource(source, name, Owned: false), demo: false);
    }

    /// <summary>A sample or snapshot: a mail without SMTP settings is skipped with a warning rather than an error.</summary>
    internal bool IsDemo { get; }

    internal OpenedSource Open(ReportEngineOptions options) => _open(options);
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
