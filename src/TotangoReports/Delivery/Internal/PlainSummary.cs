using System.Globalization;
using System.Text;
using TotangoReports.Data;

namespace TotangoReports.Delivery.Internal;

/// <summary>The plain-text part of the mail (and the whole body when there is no html output).</summary>
internal static class PlainSummary
{
    public static string Build(Report report, IEnumerable<string> attachmentNames)
    {
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        if (report.IsSample)
        {
            text.AppendLine(Rendering.SampleBanner.Text);
            text.AppendLine();
        }

        text.AppendLine(report.Title);
        if (!string.IsNullOrWhiteSpace(report.Definition.Description))
        {
            text.AppendLine(report.Definition.Description);
        }

        text.AppendLine(inv, $"Generated {report.GeneratedAtLocal:yyyy-MM-dd HH:mm} ({report.TimeZone.Id})");
        text.AppendLine();
        foreach (var kpi in report.Summary.Kpis)
        {
            var compare = Rendering.Formatting.KpiText.Compare(kpi);
            text.AppendLine(inv, $"{kpi.Label}: {Rendering.Formatting.KpiText.Of(kpi)}{(compare is null ? string.Empty : $" ({compare})")}");
        }

        if (report.Summary.Kpis.Count > 0)
        {
            text.AppendLine();
        }

        foreach (var dataset in report.Datasets)
        {
            text.AppendLine(inv, $"{dataset.Name}: {dataset.Rows.Count:N0} rows ({dataset.Fetch.TotalItems:N0} accounts on the list)");
            if (dataset.Groups is { } groups)
            {
                foreach (var row in groups.Rows)
                {
                    var values = string.Join(", ", groups.AggregateColumns.Zip(row.Cells, (column, cell) => $"{column.Name} {(Rendering.Formatting.ExcelFormats.FormatCell(cell, column.Format) is { Length: > 0 } v ? v : "–")}"));
                    text.AppendLine(inv, $"  {(row.Key.Length == 0 ? "(none)" : row.Key)}: {values}");
                }
            }
        }

        var names = attachmentNames.ToList();
        if (names.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Attached: " + string.Join(", ", names));
        }

        return text.ToString();
    }
}
