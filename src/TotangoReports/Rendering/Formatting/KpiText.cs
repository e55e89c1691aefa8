using TotangoReports.Data;

namespace TotangoReports.Rendering.Formatting;

/// <summary>A KPI's figure as every format prints it (PDF tile, HTML tile, mail): its format through <see cref="ExcelFormats"/>.</summary>
internal static class KpiText
{
    /// <summary>Shown where a figure could not be computed (no scores, no rows).</summary>
    public const string Missing = "–";

    public static string Of(SummaryKpi kpi) => ExcelFormats.FormatCell(kpi.Cell, kpi.Format) is { Length: > 0 } text ? text : Missing;
}
