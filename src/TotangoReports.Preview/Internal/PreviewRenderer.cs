using System.Diagnostics;
using TotangoReports.Api;
using TotangoReports.Definition;
using TotangoReports.Rendering;

namespace TotangoReports.Preview.Internal;

/// <summary>
/// Validates the definition (templates included), builds the report and renders every output to memory. Nothing is
/// written to disk, no state file moves (the build never commits), no mail is composed.
/// </summary>
internal sealed class PreviewRenderer(PreviewOptions options)
{
    private readonly ReportEngine _engine = new(options.Engine);

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
            var outputs = new List<RenderedOutput>();
            for (var i = 0; i < definition.Outputs.Count; i++)
            {
                using var buffer = new MemoryStream();
                await _engine.RenderOutputAsync(report, definition.Outputs[i], buffer, cancellationToken);
                outputs.Add(new RenderedOutput(i, definition.Outputs[i], buffer.ToArray()));
            }

            return new PreviewRender { Version = version, At = DateTimeOffset.UtcNow, Took = clock.Elapsed, Diagnostics = diagnostics, Report = report, Outputs = outputs };
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

    private static PreviewRender Failed(long version, Stopwatch clock, IReadOnlyList<ShownDiagnostic> diagnostics, string failure) =>
        new() { Version = version, At = DateTimeOffset.UtcNow, Took = clock.Elapsed, Diagnostics = diagnostics, Failure = failure };
}
