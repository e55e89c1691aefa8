using Microsoft.Extensions.Logging;
using TotangoReports.Data;
using TotangoReports.Definition;
using TotangoReports.Delivery;
using TotangoReports.Rendering;

namespace TotangoReports.Runs;

/// <summary>The outputs rendered, as staged files not yet in place.</summary>
internal sealed record RenderedOutputs(IReadOnlyList<OutputDefinition> Outputs, StagedOutputs Staged);

/// <summary>Stage 3: every output of the plan rendered into a staged (temporary) file, each file name used once.</summary>
/// <param name="memory">Told after each output of the report (not of each burst slice), so one renderer's garbage is gone before the next starts.</param>
internal sealed class RenderStage(ReportRenderers renderers, ILogger log, StageMemory? memory = null)
{
    public async Task<RenderedOutputs> RunAsync(BuiltReport built, RunPlan plan, StagedOutputs staged, CancellationToken cancellationToken)
    {
        await RenderAsync(built.Report, plan.Outputs, staged, null, cancellationToken, memory).ConfigureAwait(false);
        staged.Seal();
        return new RenderedOutputs(plan.Outputs, staged);
    }

    /// <summary>Renders <paramref name="outputs"/> of <paramref name="report"/> into staged files, under <paramref name="folder"/> when given; returns them.</summary>
    /// <param name="afterEach">Told after each output is written.</param>
    public async Task<IReadOnlyList<StagedFile>> RenderAsync(Report report, IReadOnlyList<OutputDefinition> outputs, StagedOutputs staged, string? folder, CancellationToken cancellationToken, StageMemory? afterEach = null)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { RunManifest.FileName, RunManifest.IncompleteFileName };
        var files = new List<StagedFile>(outputs.Count);
        foreach (var output in outputs)
        {
            // A name made from a burst value ({{ burst.value }}) is untrusted: it stays in its value's folder, writable.
            // Cleaned first, so two names that only meet once cleaned ('./x', '../x') are caught too.
            var name = OutputNames.Expand(output, report);
            if (folder is not null)
            {
                name = BurstFolders.SafeFileName(name);
            }

            if (!names.Add(name))
            {
                throw new RenderException(output.Location, $"file '{name}' is written by another output or is the run's manifest; give each output its own file");
            }

            var path = folder is null ? name : folder + "/" + name;
            var format = output.Format.ToString().ToLowerInvariant();
            log.LogInformation("rendering {Format} → {File}", format, path);
            var stream = staged.Create(path, format);
            files.Add(staged.Files[^1]);
            await using var streamDisposal = stream.ConfigureAwait(false);
            await renderers[output.Format].RenderAsync(report, output, stream, cancellationToken).ConfigureAwait(false);
            afterEach?.Release();
        }

        return files;
    }
}
