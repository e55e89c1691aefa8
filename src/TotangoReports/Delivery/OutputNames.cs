using TotangoReports.Data;
using TotangoReports.Definition;
using TotangoReports.Delivery.Internal;
using TotangoReports.Rendering;

namespace TotangoReports.Delivery;

/// <summary>Output file names: <c>weekly-usage-{{ date }}.xlsx</c> → <c>weekly-usage-2026-11-23.xlsx</c> (date in the report's zone).</summary>
internal static class OutputNames
{
    public static string Expand(OutputDefinition output, Report report)
    {
        string name;
        try
        {
            name = TextTemplate.Render(output.File, report, "file name");
        }
        catch (FormatException ex)
        {
            throw new RenderException(output.Location, ex.Message);
        }

        var invalid = Path.GetInvalidFileNameChars().Where(c => c != '/' && name.Contains(c, StringComparison.Ordinal)).ToList();
        if (string.IsNullOrWhiteSpace(name) || invalid.Count > 0)
        {
            throw new RenderException(output.Location, $"file name '{name}' (from '{output.File}') is empty or holds characters a file name can't");
        }

        return name.Trim();
    }
}
