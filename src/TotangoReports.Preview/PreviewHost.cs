using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TotangoReports.Preview.Internal;

namespace TotangoReports.Preview;

/// <summary>
/// The live preview behind <c>serve</c>: Kestrel on loopback serving one page that shows every output of a
/// definition, re-rendered when the definition, a template or a partial is saved, pushed to the page with
/// server-sent events. Renders to memory only: no files, no mail, no state, no history.
/// </summary>
public sealed class PreviewHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly RenderLoop _loop;

    private PreviewHost(WebApplication app, RenderLoop loop, PreviewState state, Uri url)
    {
        _app = app;
        _loop = loop;
        State = state;
        Url = url;
    }

    /// <summary>The page, e.g. <c>http://127.0.0.1:5090/</c>.</summary>
    public Uri Url { get; }

    /// <summary>Cancelled when the host is asked to stop (SIGTERM): <c>serve</c> returns then.</summary>
    public CancellationToken Stopping => _app.Lifetime.ApplicationStopping;

    internal PreviewState State { get; }

    /// <summary>Renders once, then listens; throws <see cref="ArgumentException"/> for a non-loopback host.</summary>
    public static async Task<PreviewHost> StartAsync(PreviewOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var address = options.ResolveLoopback();
        var state = new PreviewState();
        var pdf = new PdfPages(options.PdfRasteriser, options.MaxPdfPages);
        var writer = new ContentWriter(options);
        var loop = new RenderLoop(options, state, pdf.Available);
        await loop.StartAsync(cancellationToken).ConfigureAwait(false);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(address, options.Port));
        builder.Services.Configure<HostOptions>(h => h.ShutdownTimeout = TimeSpan.FromSeconds(2));
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            // A page on another site could point a name at 127.0.0.1 (DNS rebinding): answer only loopback names.
            if (!IsLoopbackHost(context.Request.Host.Host))
            {
                context.Response.StatusCode = StatusCodes.Status421MisdirectedRequest;
                return;
            }

            context.Response.Headers.ContentSecurityPolicy = PreviewPage.ContentSecurityPolicy;
            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers["Referrer-Policy"] = "no-referrer";
            context.Response.Headers.CacheControl = "no-store";
            await next(context).ConfigureAwait(false);
        });

        app.MapGet("/", () => Results.Content(PreviewPage.Shell(options.DefinitionPath), "text/html; charset=utf-8"));
        app.MapGet("/content", (HttpContext context) =>
        {
            var current = state.Current!;
            context.Response.Headers["X-Render-Version"] = current.Version.ToString(CultureInfo.InvariantCulture);
            try
            {
                return Results.Content(writer.Write(current, state.LastGood), "text/html; charset=utf-8");
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A bug in showing an output must not take the page down: say so in place of the content.
                options.Engine.Logger.LogError(ex, "preview page for render {Version} failed", current.Version);
                return Results.Content("<p class=\"failure\">The preview could not show this render: " + System.Net.WebUtility.HtmlEncode(ex.Message) + "</p>", "text/html; charset=utf-8");
            }
        });
        app.MapGet("/events", (HttpContext context, IHostApplicationLifetime lifetime) => StreamEventsAsync(context, state, lifetime.ApplicationStopping));

        var drawn = new ConcurrentDictionary<(long, int), Lazy<Task<IReadOnlyList<byte[]>>>>();
        Task<IReadOnlyList<byte[]>>? Pages(long version, int index)
        {
            var render = new[] { state.Current, state.LastGood }.FirstOrDefault(r => r?.Version == version);
            if (render is null || !render.LateOutputs.TryGetValue(index, out var bytes))
            {
                return null;
            }

            // Keep the pages of the renders still shown only.
            foreach (var key in drawn.Keys.Where(k => k.Item1 < Math.Min(state.Current?.Version ?? 0, state.LastGood?.Version ?? 0)))
            {
                drawn.TryRemove(key, out _);
            }

            return drawn.GetOrAdd((version, index), _ => new(async () => await pdf.DrawAsync(await bytes.Value.ConfigureAwait(false), CancellationToken.None).ConfigureAwait(false))).Value;
        }

        app.MapGet("/pdf/{version:long}/{index:int}", async (long version, int index) =>
        {
            if (Pages(version, index) is not { } pages)
            {
                return Results.NotFound();
            }

            try
            {
                return Results.Json(new { pages = (await pages.ConfigureAwait(false)).Count });
            }
            catch (Exception ex) when (ex is Rendering.RenderException or Definition.ReportInputException)
            {
                // Shown by the page as text, never as markup.
                return Results.Json(new { pages = 0, error = ex.Message });
            }
        });
        app.MapGet("/pdf/{version:long}/{index:int}/{page:int}", async (long version, int index, int page) =>
            Pages(version, index) is { } pages && (await pages.ConfigureAwait(false)).ElementAtOrDefault(page - 1) is { } png ? Results.Bytes(png, "image/png") : Results.NotFound());

        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new PreviewHost(app, loop, state, new Uri(bound.EndsWith('/') ? bound : bound + "/"));
    }

    private static bool IsLoopbackHost(string host) =>
        host is "127.0.0.1" or "localhost" or "[::1]" or "::1";

    /// <summary>One <c>render</c> event per newer render; the page fetches the content itself.</summary>
    private static async Task StreamEventsAsync(HttpContext context, PreviewState state, CancellationToken stopping)
    {
        context.Response.ContentType = "text/event-stream";
        context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpResponseBodyFeature>()?.DisableBuffering();
        var seen = 0L;

        // An open page must not hold shutdown: the stream ends when the host stops (the page says "disconnected").
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        var aborted = ended.Token;
        try
        {
            while (!aborted.IsCancellationRequested)
            {
                var render = await state.WaitNewerAsync(seen, aborted).ConfigureAwait(false);
                seen = render.Version;
                await context.Response.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"event: render\ndata: {seen}\n\n"), aborted).ConfigureAwait(false);
                await context.Response.Body.FlushAsync(aborted).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        await _loop.DisposeAsync().ConfigureAwait(false);
    }
}
