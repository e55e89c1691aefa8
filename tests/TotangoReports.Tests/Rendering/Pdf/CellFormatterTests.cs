using TotangoReports.Data;
using TotangoReports.Rendering.Pdf.Internal;

namespace TotangoReports.Tests.Rendering.Pdf;

public sealed class CellFormatterTests
{
    private static readonly CellFormatter Formatter = new(TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));

    [Theory]
    [InlineData(1234.567, "0", "1235")]
    [InlineData(1234.567, "0.0", "1234.6")]
    [InlineData(1234.567, "#,##0", "1,235")]
    [InlineData(1234.567, "#,##0.00", "1,234.57")]
    [InlineData(0.256, "0%", "26%")]
    [InlineData(0.256, "0.0%", "25.6%")]
    [InlineData(1234.5, null, "1,234.5")]
    [InlineData(-0.0001, "0", "0")]
    public void Format_Number_UsesExcelStyleFormat(double value, string? format, string expected)
    {
        Formatter.Format(value, new TableColumn("n", CellKind.Number, format)).ShouldBe(expected);
    }

    [Fact]
    public void Format_Date_DefaultsToIso()
    {
        Formatter.Format(new DateOnly(2027, 3, 9), new TableColumn("d", CellKind.Date)).ShouldBe("2027-03-09");
    }

    [Fact]
    public void Format_DateTime_ShownInReportZone()
    {
        var utc = new DateTimeOffset(2026, 7, 1, 22, 15, 0, TimeSpan.Zero);

        Formatter.Format(utc, new TableColumn("t", CellKind.DateTime)).ShouldBe("2026-07-02 00:15");
    }

    [Theory]
    [InlineData("dd/mm/yyyy", "09/03/2027")]
    [InlineData("yyyy-mm-dd hh:mm", "2027-03-09 00:00")]
    [InlineData("d mmm yyyy", "9 Mar 2027")]
    [InlineData("hh:mm:ss", "00:00:00")]
    public void Format_ExcelDateFormats_AreHonoured(string format, string expected)
    {
        var value = new DateTimeOffset(2027, 3, 9, 0, 0, 0, TimeSpan.FromHours(1));

        var text = Formatter.Format(value, new TableColumn("t", CellKind.DateTime, format));

        text.ShouldBe(expected);
    }

    [Fact]
    public void Format_TextWithControlCharacters_DropsThemAndKeepsLineBreaks()
    {
        Formatter.Format("a\u0001b\tc\nd", new TableColumn("x", CellKind.Text)).ShouldBe("ab c\nd");
    }
}
