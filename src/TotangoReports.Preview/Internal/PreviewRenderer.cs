using System.Diagnostics;
using Microsoft.Extensions.Logging;
using TotangoReports.Api;
using TotangoReports.Data;
using TotangoReports.Definition;
using TotangoReports.Rendering;
using TotangoReports.Rendering.Xlsx;

namespace TotangoReports.Preview.Internal;

/// <summary>
/// Validates the definition (templates included), builds the report and renders every output to memory. Nothing is
/// written to disk, no state file moves (the build never commits), no mail is composed.
/// </summary>
internal sealed class PreviewRenderer(PreviewOptions options, bool pdfPages)
{
    private readonly ReportEngine _engine = new(ForPreview(options.Engine));

    public async Task<PreviewRender> RenderAsync(long version, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var lines = new SourceLines();
        var validation = ReportEngine.Validate(options.DefinitionPath);
        var diagnostics = validation.Diagnostics.Select(lines.Show).ToList();
        if (validation.Definition is not { } definition)
        {
            var errors = validation.Diagnostics.Count(d => d.IsError);
            return Failed(version, clock, diagnostics, $"the definition has {errors} error{(errors == 1 ? string.Empty : "s")}");
        }

        try
        {
            var report = await _engine.BuildAsync(definition, options.Source, cancellationToken: cancellationToken);
            var built = clock.Elapsed;

            // The outputs are independent: render each and build its view side by side (pdf and xlsx dominate).
            var summary = Task.Run(
                () =>
                {
                    var started = clock.Elapsed;
                    var shown = OutputViews.Warnings(report) + OutputViews.Summary(report);
                    options.Engine.Logger.LogDebug("render {Version}: summary and charts in {Summary:0} ms", version, (clock.Elapsed - started).TotalMilliseconds);
                    return shown;
                },
                cancellationToken);
            var late = new Dictionary<int, Lazy<Task<byte[]>>>();
            foreach (var (output, i) in definition.Outputs.Select((o, i) => (o, i)).Where(p => p.o.Format == OutputFormat.Pdf))
            {
                late[i] = new(() => Late(version, Task.Run(() => RenderAsync(report, output, CancellationToken.None))));
            }

            var rendered = await Task.WhenAll(definition.Outputs.Select((output, i) => Task.Run(
                async () =>
                {
                    if (late.ContainsKey(i))
                    {
                        return (Output: (RenderedOutput?)null, View: OutputViews.LateOutput(output, i, version, pdfPages));
                    }

                    var started = clock.Elapsed;
                    var bytes = new RenderedOutput(i, output, await RenderAsync(report, output, cancellationToken));
                    var renderedAt = clock.Elapsed;
                    var view = OutputViews.Output(bytes, options);
                    options.Engine.Logger.LogDebug("render {Version}: {Format} rendered in {Render:0} ms, read back in {View:0} ms", version, output.Format, (renderedAt - started).TotalMilliseconds, (clock.Elapsed - renderedAt).TotalMilliseconds);
                    return (Output: bytes, View: view);
                },
                cancellationToken)));
            var outputs = rendered.Where(r => r.Output is not null).Select(r => r.Output!).ToList();
            var shown = await summary + string.Concat(rendered.Select(r => r.View));
            options.Engine.Logger.LogDebug("render {Version}: validated and built in {Built:0} ms, outputs rendered and read back in {Rendered:0} ms", version, built.TotalMilliseconds, (clock.Elapsed - built).TotalMilliseconds);

            return new PreviewRender { Version = version, At = DateTimeOffset.UtcNow, Took = clock.Elapsed, Diagnostics = diagnostics, Report = report, Outputs = outputs, LateOutputs = late, Shown = shown };
        }
        catch (RenderException ex)
        {
            if (ex.Location is { } location)
            {
                diagnostics.Add(lines.Show(new Diagnostic(location, ex.Message)));
            }

            return Failed(version, clock, diagnostics, ex.Message);
        }
        catch (Exception ex) when (ex is ReportInputException or TotangoException)
        {
            // Typed failures carry a message for people (the library redacts the token from it); anything else is a bug.
            return Failed(version, clock, diagnostics, ex.Message);
        }
    }

    private async Task<byte[]> RenderAsync(Report report, OutputDefinition output, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await _engine.RenderOutputAsync(report, output, buffer, cancellationToken);
        return buffer.ToArray();
    }

    /// <summary>A late output's failure is shown where its pages would be, and logged.</summary>
    private Task<byte[]> Late(long version, Task<byte[]> rendering)
    {
        _ = rendering.ContinueWith(
            t => options.Engine.Logger.LogWarning("render {Version}: the pdf failed: {Message}", version, t.Exception!.InnerException!.Message),
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return rendering;
    }

    /// <summary>
    /// The caller's engine settings without SMTP (the preview never mails) and without chart pictures in the
    /// workbook: the page shows the charts in its summary, and drawing them as PNGs a second time only slows the loop.
    /// </summary>
    private static ReportEngineOptions ForPreview(ReportEngineOptions o) => new()
    {
        Totango = o.Totango,
        Smtp = null,
        Xlsx = new XlsxRendererOptions
        {
            MaxColumnWidth = o.Xlsx.MaxColumnWidth,
            MinColumnWidth = o.Xlsx.MinColumnWidth,
            WidthSampleRows = o.Xlsx.WidthSampleRows,
            IncludeCharts = false,
            HealthColumn = o.Xlsx.HealthColumn,
            ScoreColumn = o.Xlsx.ScoreColumn,
            ScoreGoodFrom = o.Xlsx.ScoreGoodFrom,
            ScorePoorBelow = o.Xlsx.ScorePoorBelow,
        },
        Pdf = o.Pdf,
        Html = o.Html,
        Csv = o.Csv,
        Time = o.Time,
        Logger = o.Logger,
        Progress = o.Progress,
        Redactor = o.Redactor,
    };

    private static PreviewRender Failed(long version, Stopwatch clock, IReadOnlyList<ShownDiagnostic> diagnostics, string failure) =>
        new() { Version = version, At = DateTimeOffset.UtcNow, Took = clock.Elapsed, Diagnostics = diagnostics, Failure = failure };
}
