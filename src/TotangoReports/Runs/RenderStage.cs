using Microsoft.Extensions.Logging;
using TotangoReports.Definition;
using TotangoReports.Delivery;
using TotangoReports.Rendering;

namespace TotangoReports.Runs;

/// <summary>The outputs rendered, as staged files not yet in place.</summary>
internal sealed record RenderedOutputs(IReadOnlyList<OutputDefinition> Outputs, StagedOutputs Staged);

/// <summary>Stage 3: every output of the plan rendered into a staged (temporary) file, each file name used once.</summary>
internal sealed class RenderStage(ReportRenderers renderers, ILogger log)
{
    public async Task<RenderedOutputs> RunAsync(BuiltReport built, RunPlan plan, StagedOutputs staged, CancellationToken cancellationToken)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { RunManifest.FileName, RunManifest.IncompleteFileName };
        foreach (var output in plan.Outputs)
        {
            var name = OutputNames.Expand(output, built.Report);
            if (!names.Add(name))
            {
                throw new RenderException(output.Location, $"file '{name}' is written by another output or is the run's manifest; give each output its own file");
            }

            var format = output.Format.ToString().ToLowerInvariant();
            log.LogInformation("rendering {Format} → {File}", format, name);
            var stream = staged.Create(name, format);
            await using var streamDisposal = stream.ConfigureAwait(false);
            await renderers[output.Format].RenderAsync(built.Report, output, stream, cancellationToken).ConfigureAwait(false);
        }

        staged.Seal();
        return new RenderedOutputs(plan.Outputs, staged);
    }
}
