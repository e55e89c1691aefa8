using TotangoReports.Data;
using TotangoReports.Definition;

namespace TotangoReports.Rendering.Csv.Internal;

/// <summary>A CSV file holds one table: the output's <c>dataset</c>, or the only one the report has.</summary>
internal static class CsvDatasetSelector
{
    public static DatasetTable Select(Report report, OutputDefinition output)
    {
        var known = string.Join(", ", report.Datasets.Select(d => d.Name));
        if (output.Dataset is { } name)
        {
            return report.FindDataset(name)
                ?? throw new RenderException(
                    output.Location,
                    $"csv output '{output.File}' names dataset '{name}', which the report does not define (datasets: {Known(known)}).");
        }

        return report.Datasets.Count switch
        {
            1 => report.Datasets[0],
            0 => throw new RenderException(output.Location, $"csv output '{output.File}': the report has no dataset to write."),
            _ => throw new RenderException(
                output.Location,
                $"csv output '{output.File}' needs 'dataset:' because the report has several datasets ({known}); add e.g. 'dataset: {report.Datasets[0].Name}'."),
        };
    }

    private static string Known(string known) => known.Length == 0 ? "none" : known;
}
