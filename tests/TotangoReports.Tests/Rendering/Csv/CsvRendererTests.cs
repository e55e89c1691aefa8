using System.Globalization;
using System.Text;
using CsvHelper;
using TotangoReports.Data;
using TotangoReports.Definition;
using TotangoReports.Rendering;
using TotangoReports.Rendering.Csv;
using TotangoReports.Tests.Fixtures;

namespace TotangoReports.Tests.Rendering.Csv;

public sealed class CsvRendererTests
{
    private static readonly OutputDefinition Output = new() { Format = OutputFormat.Csv, File = "out.csv" };

    private static async Task<byte[]> RenderAsync(Report report, OutputDefinition? output = null, CsvRendererOptions? options = null)
    {
        using var stream = new MemoryStream();
        await new CsvRenderer(options).RenderAsync(report, output ?? Output, stream, TestContext.Current.CancellationToken);
        return stream.ToArray();
    }

    private static List<string[]> Parse(byte[] bytes, out string[] headers)
    {
        using var reader = CsvReader.Create(bytes, new CsvReaderOptions { HasHeader = true });
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(reader.Current.ToArray());
        }

        headers = reader.Headers.ToArray();
        return rows;
    }

    private static Report SingleColumn(CellKind kind, params object?[] values) => new()
    {
        Definition = TestReports.Definition(),
        GeneratedAt = TestReports.GeneratedAt,
        TimeZone = TestReports.Berlin,
        Datasets =
        [
            new DatasetTable
            {
                Name = "accounts",
                Columns = [new TableColumn("Value", kind)],
                Rows = values.Select((v, i) => new TableRow("a" + i.ToString(CultureInfo.InvariantCulture), [v])).ToList(),
            },
        ],
    };

    [Fact]
    public async Task Render_WritesHeaderAsColumnNames_AndOneRecordPerRow()
    {
        var report = TestReports.Accounts(rows: 25);

        var rows = Parse(await RenderAsync(report), out var headers);

        headers.ShouldBe(TestReports.AccountColumns.Select(c => c.Name).ToArray());
        rows.Count.ShouldBe(25);
        rows.ShouldAllBe(r => r.Length == TestReports.AccountColumns.Count);
    }

    [Fact]
    public async Task Render_StartsWithUtf8Bom_AndEndsRecordsWithCrLf()
    {
        var bytes = await RenderAsync(TestReports.Accounts(rows: 3));

        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        text.ShouldStartWith("Account ID,Account,Score,");
        text.Split("\r\n").Length.ShouldBe(5); // header + 3 records + the empty tail after the last CRLF
    }

    [Fact]
    public async Task Render_WithoutBomOption_StartsWithTheHeader()
    {
        var bytes = await RenderAsync(TestReports.Accounts(rows: 1), options: new CsvRendererOptions { WriteByteOrderMark = false });

        bytes[0].ShouldBe((byte)'A');
    }

    [Fact]
    public async Task Render_KeepsAwkwardUnicodeAndQuotes_ReadingBackExactly()
    {
        var rows = Parse(await RenderAsync(TestReports.Accounts(rows: 10)), out _);

        var names = rows.Select(r => r[1]).ToList();
        names.ShouldContain("Café Müller GmbH");
        names.ShouldContain("חברת אלפא בע\"מ");
        names.ShouldContain("株式会社テスト");
        names.ShouldContain("\"Smith, Jones\" & Co");
        names.ShouldContain("<script>alert(1)</script>");
    }

    [Theory]
    [InlineData("=cmd|' /C calc'!A0")]
    [InlineData("+1 Corp")]
    [InlineData("-minus Ltd")]
    [InlineData("@home Inc")]
    [InlineData("\tTabbed")]
    [InlineData("\rCarriage")]
    public async Task Render_PrefixesFormulaLookingText_WithASingleQuote(string text)
    {
        var rows = Parse(await RenderAsync(SingleColumn(CellKind.Text, text)), out _);

        rows[0][0].ShouldBe("'" + text);
    }

    [Fact]
    public async Task Render_LeavesNegativeNumbers_AsNumbers()
    {
        var rows = Parse(await RenderAsync(SingleColumn(CellKind.Number, -5d, -0.25d)), out _);

        rows[0][0].ShouldBe("-5");
        rows[1][0].ShouldBe("-0.25");
    }

    [Fact]
    public async Task Render_WithNeutralisingOff_WritesTextAsIs()
    {
        var options = new CsvRendererOptions { NeutraliseFormulas = false };

        var rows = Parse(await RenderAsync(SingleColumn(CellKind.Text, "=1+1"), options: options), out _);

        rows[0][0].ShouldBe("=1+1");
    }

    [Fact]
    public async Task Render_WritesNumbersInvariant_WithoutFloatNoiseOrSeparators()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var report = SingleColumn(CellKind.Number, 0.1 + 0.2, 1234567.5, 1234567890123456d, 1.0 / 3.0, 42d, null);

            var rows = Parse(await RenderAsync(report), out _);

            rows.Select(r => r[0]).ShouldBe(["0.3", "1234567.5", "1234567890123456", "0.333333333333333", "42", string.Empty]);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public async Task Render_WritesDatesIso_AndDateTimesInTheReportZone_AsSpreadsheetsReadThem()
    {
        var utc = new DateTimeOffset(2026, 11, 23, 7, 30, 15, TimeSpan.Zero);
        var summer = new DateTimeOffset(2026, 7, 1, 22, 0, 0, TimeSpan.Zero);
        var report = new Report
        {
            Definition = TestReports.Definition(),
            GeneratedAt = TestReports.GeneratedAt,
            TimeZone = TestReports.Berlin,
            Datasets =
            [
                new DatasetTable
                {
                    Name = "d",
                    Columns = [new TableColumn("Day", CellKind.Date), new TableColumn("At", CellKind.DateTime)],
                    Rows = [new TableRow("a", [new DateOnly(2027, 3, 9), utc]), new TableRow("b", [null, summer])],
                },
            ],
        };

        var rows = Parse(await RenderAsync(report), out _);

        rows[0].ShouldBe(["2027-03-09", "2026-11-23 08:30:15"]);
        rows[1].ShouldBe([string.Empty, "2026-07-02 00:00:00"]);
        new DateTimeOffset(DateTime.ParseExact(rows[0][1], "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), TimeSpan.FromHours(1)).ShouldBe(utc);
    }

    [Fact]
    public async Task Render_HonoursAColumnsExcelDateFormat_ButKeepsNumbersRaw()
    {
        var at = new DateTimeOffset(2026, 11, 23, 7, 5, 9, TimeSpan.Zero);
        var report = new Report
        {
            Definition = TestReports.Definition(),
            GeneratedAt = TestReports.GeneratedAt,
            TimeZone = TestReports.Berlin,
            Datasets =
            [
                new DatasetTable
                {
                    Name = "d",
                    Columns =
                    [
                        new TableColumn("At", CellKind.DateTime, "mm/dd/yy hh:mm"),
                        new TableColumn("Day", CellKind.Date, "dd.mm.yyyy"),
                        new TableColumn("Share", CellKind.Number, "0%"),
                    ],
                    Rows = [new TableRow("a", [at, new DateOnly(2027, 3, 9), 0.25])],
                },
            ],
        };

        var rows = Parse(await RenderAsync(report), out _);

        rows[0].ShouldBe(["11/23/26 08:05", "09.03.2027", "0.25"]);
    }

    [Fact]
    public async Task Render_QuotesMultilineText_SoItReadsBackAsOneField()
    {
        var rows = Parse(await RenderAsync(SingleColumn(CellKind.Text, "line 1\r\nline 2, with comma", "plain")), out _);

        rows.Count.ShouldBe(2);
        rows[0][0].ShouldBe("line 1\r\nline 2, with comma");
    }

    [Fact]
    public async Task Render_SelectsTheOutputsDataset_WhenSeveralExist()
    {
        var report = TwoDatasets();
        var output = new OutputDefinition { Format = OutputFormat.Csv, File = "b.csv", Dataset = "second" };

        var rows = Parse(await RenderAsync(report, output), out var headers);

        headers.ShouldBe(["Only"]);
        rows.Single().ShouldBe(["x"]);
    }

    [Fact]
    public async Task Render_WithSeveralDatasetsAndNoneNamed_FailsNamingTheChoices()
    {
        var output = new OutputDefinition { Format = OutputFormat.Csv, File = "b.csv", Location = new SourceLocation("weekly.yaml", 12, 5) };

        var error = await Should.ThrowAsync<RenderException>(() => RenderAsync(TwoDatasets(), output));

        error.Message.ShouldStartWith("weekly.yaml:12:5: ");
        error.Message.ShouldContain("accounts, second");
        error.Message.ShouldContain("dataset:");
    }

    [Fact]
    public async Task Render_WithUnknownDataset_FailsNamingIt()
    {
        var output = new OutputDefinition { Format = OutputFormat.Csv, File = "b.csv", Dataset = "nope" };

        var error = await Should.ThrowAsync<RenderException>(() => RenderAsync(TwoDatasets(), output));

        error.Message.ShouldContain("'nope'");
        error.Message.ShouldContain("accounts, second");
    }

    [Fact]
    public void Options_RejectAnUnknownNewLine()
    {
        Should.Throw<ArgumentException>(() => new CsvRenderer(new CsvRendererOptions { NewLine = ";" }));
    }

    private static Report TwoDatasets()
    {
        var first = TestReports.Accounts(rows: 2);
        var second = new DatasetTable { Name = "second", Columns = [new TableColumn("Only", CellKind.Text)], Rows = [new TableRow("a", ["x"])] };
        return new Report
        {
            Definition = first.Definition,
            GeneratedAt = first.GeneratedAt,
            TimeZone = first.TimeZone,
            Datasets = [first.Datasets[0], second],
        };
    }
}
