using TotangoReports.Data;
using TotangoReports.Definition;

namespace TotangoReports.Rendering;

/// <summary>Writes one output of a report to a stream. Delivery owns the file (temporary name, then moved into place).</summary>
internal interface IReportRenderer
{
    OutputFormat Format { get; }

    Task RenderAsync(Report report, OutputDefinition output, Stream destination, CancellationToken cancellationToken);
}
