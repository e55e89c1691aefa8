using System.Drawing;
using ClosedXML.Excel;
using TotangoReports.Data;
using TotangoReports.Definition;
using TotangoReports.Fixtures;
using TotangoReports.Rendering;
using TotangoReports.Rendering.Xlsx;

namespace TotangoReports.Tests.Rendering.Xlsx;

public sealed class XlsxRendererTests
{
    private const int Rows = 40;

    private static int Col(string name) => TestReports.AccountColumns.ToList().FindIndex(c => c.Name == name) + 1;

    [Fact]
    public async Task Render_WritesSummaryFirst_ThenDatasetAndSideSheets()
    {
        using var workbook = await XlsxTestWorkbook.RenderAsync(TestReports.Accounts(Rows));

        workbook.Worksheets.OrderBy(w => w.Position).Select(w => w.Name).ShouldBe(["Summary", "accounts", "Users", "Lifecycle"]);
    }

    [Fact]
    public async Task DatasetSheet_HasHeaderAsDefinedInRow1_AndDataFromRow2()
    {
        var report = TestReports.Accounts(Rows);

        using var workbook = await XlsxTestWorkbook.RenderAsync(report);

        var sheet = workbook.Worksheet("accounts");
        var headers = Enumerable.Range(1, TestReports.AccountColumns.Count).Select(c => sheet.Cell(1, c).GetString());
        headers.ShouldBe(TestReports.AccountColumns.Select(c => c.Name));
        sheet.Cell(2, 1).GetString().ShouldBe("a1000");
        sheet.Cell(Rows + 1, 1).GetString().ShouldBe("a" + (1000 + Rows - 1));
    }

    [Fact]
    public async Task DatasetSheet_IsAnExcelTableWithFilter_AndFrozenHeader()
    {
        using var workbook = await XlsxTestWorkbook.RenderAsync(TestReports.Accounts(Rows));

        var sheet = workbook.Worksheet("accounts");
        var table = sheet.Tables.Single();
        table.RangeAddress.ToString().ShouldBe($"A1:L{Rows + 1}");
        table.ShowAutoFilter.ShouldBeTrue();
        sheet.SheetView.SplitRow.ShouldBe(1);
    }

    [Fact]
    public async Task DatasetSheet_WritesTypedCells_WithTheColumnFormats()
    {
        var report = TestReports.Accounts(Rows);
        var row = report.Datasets[0].Rows[3];

        using var workbook = await XlsxTestWorkbook.RenderAsync(report);

        var sheet = workbook.Worksheet("accounts");
        var score = sheet.Cell(5, Col("Score"));
        score.DataType.ShouldBe(XLDataType.Number);
        score.GetDouble().ShouldBe((double)row[2]!);
        score.Style.NumberFormat.Format.ShouldBe("0");
        var utilisation = sheet.Cell(5, Col("Utilisation"));
        utilisation.DataType.ShouldBe(XLDataType.Number);
        utilisation.Style.NumberFormat.Format.ShouldBe("0%");
        var renewal = sheet.Cell(5, Col("Renewal"));
        renewal.DataType.ShouldBe(XLDataType.DateTime);
        renewal.GetDateTime().ShouldBe(((DateOnly)row[5]!).ToDateTime(TimeOnly.MinValue));
        renewal.Style.NumberFormat.Format.ShouldBe("yyyy-mm-dd");
        sheet.Cell(5, Col("Account")).DataType.ShouldBe(XLDataType.Text);
    }

    [Fact]
    public async Task DatasetSheet_ShowsDateTimes_AsTheReportZonesClockTime()
    {
        var utc = new DateTimeOffset(2026, 11, 23, 7, 30, 0, TimeSpan.Zero);
        var summer = new DateTimeOffset(2026, 7, 1, 22, 15, 0, TimeSpan.Zero);
        var table = XlsxTestWorkbook.Table("times", [new TableColumn("At", CellKind.DateTime)], [utc], [summer]);

        using var workbook = await XlsxTestWorkbook.RenderAsync(XlsxTestWorkbook.WithDatasets(table));

        var sheet = workbook.Worksheet("times");
        sheet.Cell(2, 1).GetDateTime().ShouldBe(new DateTime(2026, 11, 23, 8, 30, 0));
        sheet.Cell(3, 1).GetDateTime().ShouldBe(new DateTime(2026, 7, 2, 0, 15, 0));
        sheet.Cell(2, 1).Style.NumberFormat.Format.ShouldBe("yyyy-mm-dd hh:mm");
    }

    [Theory]
    [InlineData("=cmd|' /C calc'!A0")]
    [InlineData("+1 Corp")]
    [InlineData("-minus Ltd")]
    [InlineData("@home Inc")]
    [InlineData("=1+1")]
    [InlineData("\t=SUM(A1)")]
    public async Task DatasetSheet_StoresFormulaLookingText_AsText(string text)
    {
        var table = XlsxTestWorkbook.Table("t", [new TableColumn("Name", CellKind.Text)], [text]);

        using var workbook = await XlsxTestWorkbook.RenderAsync(XlsxTestWorkbook.WithDatasets(table));

        var cell = workbook.Worksheet("t").Cell(2, 1);
        cell.HasFormula.ShouldBeFalse();
        cell.DataType.ShouldBe(XLDataType.Text);
        cell.GetString().ShouldBe(text);
    }

    [Fact]
    public async Task DatasetSheet_HasFormulasOnlyInTheTotalsRowAndLinks()
    {
        using var workbook = await XlsxTestWorkbook.RenderAsync(TestReports.Accounts(Rows));

        var sheet = workbook.Worksheet("accounts");
        var formulas = sheet.CellsUsed().Where(c => c.HasFormula).ToList();
        formulas.ShouldNotBeEmpty();
        formulas.ShouldAllBe(c => c.Address.RowNumber == Rows + 2 || c.Address.ColumnNumber == Col("Website"));
        sheet.Cell(2, Col("Account")).HasFormula.ShouldBeFalse();
        sheet.Cell(2, Col("Account")).GetString().ShouldBe(TestReports.AwkwardNames[0]);
    }

    [Fact]
    public async Task ActivityPivot_GetsASubtotalRow_OverEachNumericColumn()
    {
        using var workbook = await XlsxTestWorkbook.RenderAsync(TestReports.Accounts(Rows));

        var sheet = workbook.Worksheet("accounts");
        var totals = Rows + 2;
        sheet.Cell(totals, 1).GetString().ShouldBe("Total");
        foreach (var column in TestReports.AccountColumns.Where(c => c.Kind == CellKind.Number))
        {
            var letter = XLHelper.GetColumnLetterFromNumber(Col(column.Name));
            sheet.Cell(totals, Col(column.Name)).FormulaA1.ShouldBe($"SUBTOTAL(109,{letter}2:{letter}{Rows + 1})");
        }

        sheet.Cell(totals, Col("Region")).IsEmpty().ShouldBeTrue();
        sheet.Tables.Single().RangeAddress.LastAddress.RowNumber.ShouldBe(Rows + 1);
    }

    [Fact]
    public async Task DatasetWithoutActivityColumns_HasNoTotalsRow()
    {
        var table = XlsxTestWorkbook.Table("plain", [new TableColumn("Name", CellKind.Text), new TableColumn("Score", CellKind.Number)], ["x", 5d]);

        using var workbook = await XlsxTestWorkbook.RenderAsync(XlsxTestWorkbook.WithDatasets(table));

        var sheet = workbook.Worksheet("plain");
        sheet.LastRowUsed().RowNumber().ShouldBe(2);
        sheet.CellsUsed().Any(c => c.HasFormula).ShouldBeFalse();
    }

    [Fact]
    public async Task HttpUrls_BecomeHyperlinkFormulas_OtherTextDoesNot()
    {
        var table = XlsxTestWorkbook.Table(
            "links",
            [new TableColumn("Url", CellKind.Text)],
            ["https://example.com/a?b=1"],
            ["javascript:alert(1)"],
            ["http://exa\"mple.com/\")&CMD()&(\""],
            ["ftp://example.com/file"]);

        using var workbook = await XlsxTestWorkbook.RenderAsync(XlsxTestWorkbook.WithDatasets(table));

        var sheet = workbook.Worksheet("links");
        sheet.Cell(2, 1).FormulaA1.ShouldBe("HYPERLINK(\"https://example.com/a?b=1\")");
        sheet.Cell(3, 1).HasFormula.ShouldBeFalse();
        sheet.Cell(4, 1).HasFormula.ShouldBeFalse();
        sheet.Cell(4, 1).GetString().ShouldBe("http://exa\"mple.com/\")&CMD()&(\"");
        sheet.Cell(5, 1).HasFormula.ShouldBeFalse();
    }

    [Fact]
    public async Task HealthAndScore_AreShadedByBand()
    {
        var table = XlsxTestWorkbook.Table(
            "shades",
            [new TableColumn("Health", CellKind.Text), new TableColumn("Score", CellKind.Number, "0")],
            ["Good", 85d],
            ["Average", 55d],
            ["Poor", 12d],
            ["Unknown", null]);

        using var workbook = await XlsxTestWorkbook.RenderAsync(XlsxTestWorkbook.WithDatasets(table));

        var sheet = workbook.Worksheet("shades");
        Color Fill(int row, int column) => sheet.Cell(row, column).Style.Fill.BackgroundColor.Color;
        var green = Fill(2, 1);
        var amber = Fill(3, 1);
        var red = Fill(4, 1);
        green.G.ShouldBeGreaterThan(green.R);
        red.R.ShouldBeGreaterThan(red.G);
        amber.R.ShouldBeGreaterThan(amber.B);
        amber.G.ShouldBeGreaterThan(amber.B);
        new[] { green, amber, red }.Distinct().Count().ShouldBe(3);
        Fill(2, 2).ShouldBe(green);
        Fill(3, 2).ShouldBe(amber);
        Fill(4, 2).ShouldBe(red);
        sheet.Cell(5, 1).Style.Fill.PatternType.ShouldBe(XLFillPatternValues.None);
        sheet.Cell(2, 2).Style.NumberFormat.Format.ShouldBe("0");
    }

    [Fact]
    public async Task ColumnWidths_FollowContent_CappedWithLongTextWrapped()
    {
        var longText = string.Concat(Enumerable.Repeat("word ", 40));
        var table = XlsxTestWorkbook.Table(
            "widths",
            [new TableColumn("Id", CellKind.Text), new TableColumn("Note", CellKind.Text), new TableColumn("Medium", CellKind.Text)],
            ["1", longText, "twenty-five characters.."],
            ["2", "short", "x"]);

        using var workbook = await XlsxTestWorkbook.RenderAsync(XlsxTestWorkbook.WithDatasets(table), new XlsxRendererOptions { MaxColumnWidth = 50 });

        var sheet = workbook.Worksheet("widths");
        sheet.Column(1).Width.ShouldBeLessThan(sheet.Column(3).Width);
        sheet.Column(3).Width.ShouldBeInRange(22, 30); // 24 characters; readers adjust stored widths for cell padding
        sheet.Column(2).Width.ShouldBe(50, 1);
        sheet.Cell(2, 2).Style.Alignment.WrapText.ShouldBeTrue();
        sheet.Cell(3, 2).Style.Alignment.WrapText.ShouldBeFalse();
    }

    [Fact]
    public async Task Summary_ShowsTitleTimeParametersCountsGroupsAndCharts()
    {
        using var workbook = await XlsxTestWorkbook.RenderAsync(TestReports.Accounts(Rows));

        var sheet = workbook.Worksheet("Summary");
        var used = sheet.CellsUsed().ToList();
        sheet.Cell(1, 1).GetString().ShouldBe("Weekly usage — all accounts");
        used.ShouldContain(c => c.GetString() == "Engagement and activity for the exec team");
        var generated = used.Single(c => c.GetString() == "Generated").CellRight();
        generated.DataType.ShouldBe(XLDataType.DateTime);
        generated.GetDateTime().ShouldBe(new DateTime(2026, 11, 23, 8, 30, 0));
        generated.CellRight().GetString().ShouldContain("Europe/Berlin");
        used.Single(c => c.GetString() == "region").CellRight().GetString().ShouldBe("EMEA");
        var datasetRow = used.Single(c => c.GetString() == "accounts" && c.Address.ColumnNumber == 1);
        datasetRow.CellRight().GetDouble().ShouldBe(Rows);
        var groups = TestReports.Accounts(Rows).Datasets[0].Groups!;
        foreach (var group in groups.Rows)
        {
            var key = group.Key.Length == 0 ? "(none)" : group.Key;
            var keyCell = used.Single(c => c.GetString() == key && c.Address.ColumnNumber == 1);
            keyCell.CellRight().GetDouble().ShouldBe(group.Values[0]!.Value);
            keyCell.CellRight().CellRight().GetDouble().ShouldBe(group.Values[1]!.Value, 1e-9);
            keyCell.CellRight().CellRight().Style.NumberFormat.Format.ShouldBe("#,##0.##");
        }

    }

    [Fact]
    public async Task Summary_CarriesTheThreeChartsAsPngImages()
    {
        var bytes = await XlsxTestWorkbook.RenderBytesAsync(TestReports.Accounts(Rows), new XlsxRendererOptions { ChartWidth = 500, ChartHeight = 300 });

        var pictures = XlsxPackage.Pictures(bytes, "Summary");
        pictures.Count.ShouldBe(3);
        foreach (var png in pictures)
        {
            png.Take(8).ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
            System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)).ShouldBe(500);
            System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)).ShouldBe(300);
        }

        XlsxPackage.Pictures(bytes, "accounts").ShouldBeEmpty();
    }

    [Fact]
    public async Task Summary_WithoutCharts_HasNoPictures()
    {
        var bytes = await XlsxTestWorkbook.RenderBytesAsync(TestReports.Accounts(5), new XlsxRendererOptions { IncludeCharts = false });

        XlsxPackage.Pictures(bytes, "Summary").ShouldBeEmpty();
    }

    [Fact]
    public async Task UsersAndLifecycle_SheetsHoldOneRowPerEntry()
    {
        var report = TestReports.Accounts(Rows);
        var users = report.Datasets[0].Users!;
        var lifecycle = report.Datasets[0].Lifecycle!;

        using var workbook = await XlsxTestWorkbook.RenderAsync(report);

        var userSheet = workbook.Worksheet("Users");
        userSheet.Row(1).CellsUsed().Select(c => c.GetString()).ShouldBe(["Account ID", "Account", "User", "First usage", "Last usage", "Days since last usage"]);
        userSheet.Tables.Single().RangeAddress.LastAddress.RowNumber.ShouldBe(users.Count + 1);
        userSheet.Cell(3, 3).GetString().ShouldBe(users[1].User);
        userSheet.Cell(3, 5).GetDateTime().ShouldBe(TimeZoneInfo.ConvertTime(users[1].LastUsage!.Value, TestReports.Berlin).DateTime);
        userSheet.Cell(3, 6).GetDouble().ShouldBe(users[1].DaysSinceLastUsage!.Value);
        var lifecycleSheet = workbook.Worksheet("Lifecycle");
        lifecycleSheet.Row(1).CellsUsed().Select(c => c.GetString()).ShouldBe(["Account ID", "Account", "Status", "Changed", "Days in status"]);
        lifecycleSheet.Cell(3, 3).GetString().ShouldBe(lifecycle[1].Status);
        lifecycleSheet.Cell(3, 4).DataType.ShouldBe(XLDataType.DateTime);
    }

    [Fact]
    public async Task SideSheets_ArePrefixedWithTheDataset_WhenSeveralHaveThem()
    {
        var first = TestReports.Accounts(3).Datasets[0];
        var second = new DatasetTable
        {
            Name = "trials",
            Columns = first.Columns,
            Rows = first.Rows,
            Users = first.Users,
            Lifecycle = first.Lifecycle,
        };

        using var workbook = await XlsxTestWorkbook.RenderAsync(XlsxTestWorkbook.WithDatasets(first, second));

        workbook.Worksheets.Select(w => w.Name).ShouldBe(["Summary", "accounts", "trials", "accounts Users", "trials Users", "accounts Lifecycle", "trials Lifecycle"]);
    }

    [Fact]
    public async Task SheetNames_AreMadeLegalAndUnique()
    {
        TableColumn[] columns = [new("A", CellKind.Text)];
        var report = XlsxTestWorkbook.WithDatasets(
            XlsxTestWorkbook.Table("a/b:c*d?e[f]g\\h", columns, ["1"]),
            XlsxTestWorkbook.Table("History", columns, ["2"]),
            XlsxTestWorkbook.Table("summary", columns, ["3"]),
            XlsxTestWorkbook.Table("A very long dataset name that goes on and on", columns, ["4"]),
            XlsxTestWorkbook.Table("A very long dataset name that goes on and on, again", columns, ["5"]),
            XlsxTestWorkbook.Table("'quoted'", columns, ["6"]),
            XlsxTestWorkbook.Table(" ", columns, ["7"]));

        using var workbook = await XlsxTestWorkbook.RenderAsync(report);

        workbook.Worksheets.Select(w => w.Name).ShouldBe(
        [
            "Summary",
            "a_b_c_d_e_f_g_h",
            "History_",
            "summary (2)",
            "A very long dataset name that g",
            "A very long dataset name th (2)",
            "quoted",
            "Sheet",
        ]);
        workbook.Worksheet("Sheet").Cell(2, 1).GetString().ShouldBe("7");
    }

    [Fact]
    public async Task EmptyDataset_IsStillAValidTable()
    {
        var table = XlsxTestWorkbook.Table("empty", [new TableColumn("Name", CellKind.Text), new TableColumn("n 30d", CellKind.Number, null, new ActivityColumn("n", "past_30d"))]);

        using var workbook = await XlsxTestWorkbook.RenderAsync(XlsxTestWorkbook.WithDatasets(table));

        var sheet = workbook.Worksheet("empty");
        sheet.Tables.Single().RangeAddress.ToString().ShouldBe("A1:B2");
        sheet.Cell(3, 2).FormulaA1.ShouldBe("SUBTOTAL(109,B2:B2)");
    }

    [Fact]
    public async Task DuplicateHeaders_FallBackToAFilteredRange_KeepingTheHeadersExactly()
    {
        var table = XlsxTestWorkbook.Table("dupes", [new TableColumn("Name", CellKind.Text), new TableColumn("name", CellKind.Text)], ["x", "y"]);

        using var workbook = await XlsxTestWorkbook.RenderAsync(XlsxTestWorkbook.WithDatasets(table));

        var sheet = workbook.Worksheet("dupes");
        sheet.Tables.Count().ShouldBe(0);
        sheet.AutoFilter.IsEnabled.ShouldBeTrue();
        sheet.Cell(1, 1).GetString().ShouldBe("Name");
        sheet.Cell(1, 2).GetString().ShouldBe("name");
        sheet.SheetView.SplitRow.ShouldBe(1);
    }

    [Fact]
    public async Task AnInvalidNumberFormat_IsARenderErrorNamingTheOutput()
    {
        var table = XlsxTestWorkbook.Table("bad", [new TableColumn("n", CellKind.Number, new string('0', 300))], [1d]);
        var output = new OutputDefinition { Format = OutputFormat.Xlsx, File = "r.xlsx", Location = new SourceLocation("weekly.yaml", 20, 5) };

        var error = await Should.ThrowAsync<RenderException>(
            () => new XlsxRenderer().RenderAsync(XlsxTestWorkbook.WithDatasets(table), output, Stream.Null, TestContext.Current.CancellationToken));

        error.Message.ShouldStartWith("weekly.yaml:20:5: xlsx output 'r.xlsx'");
    }

    [Fact]
    public async Task ADatasetTooTallForASheet_IsARenderErrorSuggestingALimit()
    {
        var table = new DatasetTable { Name = "huge", Columns = [new TableColumn("n", CellKind.Number)], Rows = new CountOnlyRows(1_048_575) };

        var error = await Should.ThrowAsync<RenderException>(
            () => new XlsxRenderer().RenderAsync(XlsxTestWorkbook.WithDatasets(table), XlsxTestWorkbook.Output, Stream.Null, TestContext.Current.CancellationToken));

        error.Message.ShouldContain("'huge' has 1,048,575 rows");
        error.Message.ShouldContain("limit:");
    }

    [Fact]
    public void Options_RejectAMaxWidthBelowTheMinimum()
    {
        Should.Throw<ArgumentException>(() => new XlsxRenderer(new XlsxRendererOptions { MinColumnWidth = 20, MaxColumnWidth = 10 }));
    }
}
