using TotangoReports.Data;
using TotangoReports.Rendering.Formatting;

namespace TotangoReports.Tests.Rendering;

/// <summary>PDF and HTML print a column's Excel format through one formatter, so the same cell reads the same.</summary>
public sealed class ExcelFormatsTests
{
    [Theory]
    [InlineData(1234.567, "#,##0.00", "1,234.57")]
    [InlineData(0.256, "0%", "26%")]
    [InlineData(0.2564, "0.0%", "25.6%")]
    [InlineData(-0.004, "0.00", "0.00")]
    [InlineData(-0.4, "0", "0")]
    [InlineData(-1.6, "0", "-2")]
    [InlineData(12.5, null, "12.5")]
    [InlineData(12.5, "yyyy-mm-dd", "12.5")]
    [InlineData(double.NaN, "0", "")]
    public void FormatNumber_AppliesTheExcelFormat_WithoutMinusZero(double value, string? format, string expected)
    {
        ExcelFormats.FormatNumber(value, format).ShouldBe(expected);
    }

    [Theory]
    [InlineData(5, "+0;-0;0", "+5")]
    [InlineData(-5, "+0;-0;0", "-5")]
    [InlineData(0, "+0;-0;0", "0")]
    [InlineData(-1234.5, "#,##0.0;(#,##0.0)", "(1,234.5)")]
    [InlineData(-3, "0;[Red]-0", "-3")]
    [InlineData(12, "0 \"users\"", "12 users")]
    [InlineData(1234567, "#,##0,\\k", "1,235k")]
    [InlineData(1234.5, "#,##0.00_);(#,##0.00)", "1,234.50 ")]
    [InlineData(0.125, "0.0%", "12.5%")]
    [InlineData(3, "General", "3")]
    public void FormatNumber_HonoursSectionsLiteralsColoursAndScaling(double value, string format, string expected)
    {
        ExcelFormats.FormatNumber(value, format).ShouldBe(expected);
    }

    [Theory]
    [InlineData("+0;-0;0")]
    [InlineData("#,##0.00;(#,##0.00)")]
    [InlineData("0.0%")]
    [InlineData("#,##0")]
    [InlineData("0.00")]
    [InlineData("0 \"pts\"")]
    public void FormatNumber_ReadsLikeAnIndependentExcelFormatter(string format)
    {
        // No exact halves: Excel rounds them away from zero, ExcelNumberFormat to even.
        double[] values = [0, 1, -1, 0.4, 0.6, 12.345, -1234.5678, 1234567.891];
        foreach (var value in values)
        {
            var excel = new ExcelNumberFormat.NumberFormat(format).Format(value, System.Globalization.CultureInfo.InvariantCulture);

            ExcelFormats.FormatNumber(value, format).ShouldBe(excel, $"{value} with {format}");
        }
    }

    [Theory]
    [InlineData("yyyy-mm-dd", "yyyy-MM-dd")]
    [InlineData("yyyy-mm-dd hh:mm", "yyyy-MM-dd HH:mm")]
    [InlineData("dd/mm/yy", "dd/MM/yy")]
    [InlineData("mmm d, yyyy", "MMM d, yyyy")]
    [InlineData("h:mm:ss AM/PM", "h:mm:ss tt")]
    public void DateToDotNet_ReadsMAsMonthsOrMinutesByContext(string excel, string dotNet)
    {
        ExcelFormats.DateToDotNet(excel).ShouldBe(dotNet);
    }

    [Theory]
    [InlineData(-0.3, "0")]
    [InlineData(1234.5, "#,##0")]
    [InlineData(0.5, "0%")]
    public void PdfAndHtml_PrintANumberCellIdentically(double value, string format)
    {
        var column = new TableColumn("n", CellKind.Number, format);

        var pdf = new TotangoReports.Rendering.Pdf.Internal.CellFormatter(TimeZoneInfo.Utc).Format(value, column);
        var html = TotangoReports.Rendering.Html.Internal.TemplateValues.FormatCell(value, CellKind.Number, format, TimeZoneInfo.Utc);

        html.ShouldBe(pdf);
    }
}
