using Microsoft.Extensions.Logging;
using TotangoReports.Definition;

namespace TotangoReports.Preview.Internal;

/// <summary>
/// Watches the definition's folder and its templates' folders (partials live beside their template) and re-renders
/// after a quiet <see cref="PreviewOptions.Debounce"/>: editors save in bursts (temp file, rename, touch). One render
/// at a time; saves during a render cause one more. Waiting on inotify costs no CPU while nothing changes.
/// </summary>
internal sealed class RenderLoop : IAsyncDisposable
{
    private readonly PreviewOptions _options;
    private readonly PreviewRenderer _renderer;
    private readonly PreviewState _state;
    private readonly SemaphoreSlim _signal = new(0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Dictionary<string, FileSystemWatcher> _watchers = new(StringComparer.Ordinal);
    private Task _loop = Task.CompletedTask;
    private long _version;

    public RenderLoop(PreviewOptions options, PreviewState state, bool pdfPages)
    {
        _options = options;
        _state = state;
        _renderer = new PreviewRenderer(options, pdfPages);
    }

    /// <summary>Renders once (so the first page has content), then watches.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await RenderOnceAsync(cancellationToken);
        _loop = Task.Run(() => LoopAsync(_stop.Token), CancellationToken.None);
    }

    private async Task LoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await _signal.WaitAsync(cancellationToken);

                // Quiet period: keep waiting while saves keep coming.
                while (await _signal.WaitAsync(_options.Debounce, cancellationToken))
                {
                }

                await RenderOnceAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task RenderOnceAsync(CancellationToken cancellationToken)
    {
        var version = Interlocked.Increment(ref _version);
        PreviewRender render;
        try
        {
            render = await _renderer.RenderAsync(version, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A bug must not stop the preview: the page shows it and the next save tries again.
            _options.Engine.Logger.LogError(ex, "preview render {Version} failed", version);
            render = new PreviewRender { Version = version, At = DateTimeOffset.UtcNow, Took = TimeSpan.Zero, Diagnostics = [], Failure = "unexpected failure: " + ex.Message };
        }

        _state.Publish(render);
        _options.Engine.Logger.LogInformation("render {Version}: {Outcome} in {Milliseconds:0} ms", version, render.Succeeded ? "ok" : render.Failure, render.Took.TotalMilliseconds);
        Watch(render.Report?.Definition);
    }

    /// <summary>The folders to watch: the definition's, and each file template's (its partials sit beside it).</summary>
    private void Watch(ReportDefinition? definition)
    {
        var definitionFolder = Path.GetDirectoryName(_options.DefinitionPath)!;
        var folders = new HashSet<string>(StringComparer.Ordinal) { definitionFolder };
        foreach (var output in definition?.Outputs ?? [])
        {
            if (output.Template is { } template && Path.GetDirectoryName(Path.GetFullPath(template, definitionFolder)) is { } folder && Directory.Exists(folder))
            {
                folders.Add(folder);
            }
        }

        lock (_watchers)
        {
            foreach (var folder in folders.Where(f => !_watchers.ContainsKey(f)))
            {
                var watcher = new FileSystemWatcher(folder) { IncludeSubdirectories = false, NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size };
                watcher.Changed += OnChange;
                watcher.Created += OnChange;
                watcher.Deleted += OnChange;
                watcher.Renamed += OnChange;
                watcher.EnableRaisingEvents = true;
                _watchers[folder] = watcher;
            }
        }
    }

    private void OnChange(object sender, FileSystemEventArgs e)
    {
        // Dot files are state, history and editor swap files, never a definition or template.
        if (e.Name is { } name && !Path.GetFileName(name).StartsWith('.') && !name.EndsWith('~'))
        {
            _signal.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        lock (_watchers)
        {
            foreach (var watcher in _watchers.Values)
            {
                watcher.Dispose();
            }

            _watchers.Clear();
        }

        await _loop;
        _stop.Dispose();
        _signal.Dispose();
    }
}
