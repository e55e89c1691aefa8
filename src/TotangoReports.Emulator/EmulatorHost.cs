using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TotangoReports.Api;
using TotangoReports.Emulator.Internal;
using TotangoReports.Sample;

namespace TotangoReports.Emulator;

/// <summary>
/// A local Totango Data API on 127.0.0.1 (Kestrel, minimal API) serving sample data or a snapshot, with the
/// token check and fault injection of <see cref="EmulatorOptions"/>. For demos, template work and tests.
/// </summary>
public sealed class EmulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EmulatorState _state;
    private readonly EmulatorRequestLog _log;

    private EmulatorHost(WebApplication app, EmulatorState state, EmulatorRequestLog log, EmulatorOptions options, SampleActiveListSource? sample, Uri baseUrl)
    {
        _app = app;
        _state = state;
        _log = log;
        Options = options;
        Sample = sample;
        BaseUrl = baseUrl;
    }

    /// <summary>Where the emulator listens, e.g. <c>http://127.0.0.1:5123/</c>: use it as <c>Totango:BaseUrl</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The live settings; change faults, latency or paging while it runs.</summary>
    public EmulatorOptions Options { get; }

    /// <summary>The sample data served, or null when serving a snapshot.</summary>
    public SampleActiveListSource? Sample { get; }

    /// <summary>Requests received so far (every status).</summary>
    public long Requests => _state.Requests;

    /// <summary>Requests refused with 429 by <see cref="EmulatorOptions.RateLimitRequests"/>.</summary>
    public long Throttled => _state.Throttled;

    /// <summary>
    /// Cancelled when the host begins to stop, including on SIGTERM, SIGINT or SIGQUIT (the host's console lifetime
    /// catches those signals and stops the server; whoever keeps the process alive must wait on this too).
    /// </summary>
    public CancellationToken Stopping => _app.Lifetime.ApplicationStopping;

    /// <summary>Every request received so far (List and Search API), in arrival order.</summary>
    public IReadOnlyList<EmulatorRequest> RequestLog => _log.Snapshot();

    /// <summary>Completes when a request first reaches a <see cref="EmulatorFault.Hang"/> fault.</summary>
    public Task HangReached => _state.HangReached.Task;

    /// <exception cref="TotangoConfigurationException">The port is in use (exit code 2).</exception>
    public static async Task<EmulatorHost> StartAsync(EmulatorOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var sample = options.SnapshotDirectory is null
            ? new SampleActiveListSource(new SampleSourceOptions { Accounts = options.Accounts, Seed = options.Seed })
            : null;
        var snapshot = options.SnapshotDirectory is { } dir ? new SnapshotSource(dir) : null;
        var state = new EmulatorState(options.RandomSeed);
        var handler = new EmulatorRequestHandler(options, state, sample, snapshot);

        // No file watchers on the working directory: tests start many emulators.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, options.Port));

        // A hanging fault must not hold shutdown for the default 30 s.
        builder.Services.Configure<HostOptions>(h => h.ShutdownTimeout = TimeSpan.FromSeconds(2));
        var app = builder.Build();
        var log = new EmulatorRequestLog();
        app.Use((context, next) =>
        {
            log.Add(new EmulatorRequest(options.TimeProvider.GetUtcNow(), context.Request.Path));
            return next(context);
        });
        app.MapGet("/api/v1/accounts/active_list/{id}/{file}", (HttpContext context, string id, string file) => handler.HandleAsync(context, id, file));
        var search = new EmulatorSearchHandler(options, state, handler, sample, snapshot);
        app.MapPost("/api/v1/search/{entity}", (HttpContext context, string entity) => search.HandleAsync(context, entity));
        app.MapPost("/api/v2/events/search", (HttpContext context) => search.HandleAsync(context, "v2/events"));
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex) when (ex.InnerException is AddressInUseException)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw new TotangoConfigurationException(
                $"port {options.Port} on 127.0.0.1 is in use: stop what is using it, or choose another port (0 = any free port)", ex);
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new EmulatorHost(app, state, log, options, sample, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
