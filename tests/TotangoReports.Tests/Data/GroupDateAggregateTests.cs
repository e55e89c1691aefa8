using ClosedXML.Excel;
using TotangoReports.Data;
using TotangoReports.Definition;
using TotangoReports.Tests.Rendering.Html;
using TotangoReports.Tests.Rendering.Pdf;
using TotangoReports.Tests.Rendering.Xlsx;

namespace TotangoReports.Tests.Data;

/// <summary>
/// <c>min</c>/<c>max</c>/<c>median</c> of a date column in a group or a KPI keep the column's kind (the next renewal is a
/// date in every format, with the column's format); <c>sum</c>/<c>avg</c> of dates and any of them over text are said,
/// never a silently empty figure.
/// </summary>
public sealed class GroupDateAggregateTests
{
    private const string Renewals = """
        title: Renewals
        timezone: UTC
        datasets:
          renewals:
            source: search
            entity: accounts
            terms: [ { type: string, term: status_group, in_list: [paying] } ]
            fields:
              - { name: CSM, type: string_attribute, attribute: Success Manager }
              - { name: Renewal, type: simple_date_attribute, attribute: Contract Renewal Date }
            columns:
              - { name: Account ID, path: account_id }
              - { name: CSM, path: fields.CSM }
              - { name: Renewal, path: fields.Renewal, type: date, format: "d mmm yyyy" }
              - { name: Last activity, path: last_activity_time, type: datetime }
            group:
              by: CSM
              aggregates:
                Accounts: count
                Next renewal: min(Renewal)
                Last renewal: max(Renewal)
                Middle renewal: median(Renewal)
                Latest activity: max(Last activity)
        summary:
          dataset: renewals
          kpis:
            - { label: First renewal, value: min(Renewal) }
            - { label: Accounts, value: count }
        outputs:
          - { format: xlsx, file: r.xlsx }
        """;

    /// <summary>A second dataset whose CSM and Renewal are looked up from renewals: their kinds are known only when the report runs.</summary>
    private const string Watch = """
          watch:
            list: 1004
            columns:
              - { name: Account, path: name }
              - { name: CSM, lookup: renewals.CSM }
              - { name: Renewal, lookup: renewals.Renewal }
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<Report> BuildAsync(string definition) =>
        new ReportEngine().BuildAsync(ReportEngine.ParseDefinition(definition), ReportSource.Sample(300, seed: 3), cancellationToken: Ct);

    private static List<object> RenewalsOf(DatasetTable table, GroupRow group, string column) =>
        group.RowIndexes.Select(r => table.Rows[r][table.ColumnIndex(column)]).OfType<object>().ToList();

    [Fact]
    public async Task GroupMinMaxMedianOfADateColumn_AreTheDatesOfTheGroupsRows_WithTheColumnsKindAndFormat()
    {
        // Act
        var report = await BuildAsync(Renewals);

        // Assert: each owner's earliest, latest and middle renewal among their own rows, as dates, not numbers.
        var table = report.Datasets.Single();
        var groups = table.Groups.ShouldNotBeNull();
        groups.AggregateColumns.Select(c => c.Kind).ShouldBe([CellKind.Number, CellKind.Date, CellKind.Date, CellKind.Date, CellKind.DateTime]);
        groups.AggregateColumns[1].Format.ShouldBe("d mmm yyyy");
        groups.Rows.Count.ShouldBeGreaterThan(2);
        foreach (var group in groups.Rows)
        {
            var renewals = RenewalsOf(table, group, "Renewal").Cast<DateOnly>().Order().ToList();
            renewals.ShouldNotBeEmpty();
            group.Cells[1].ShouldBe(renewals[0]);
            group.Cells[2].ShouldBe(renewals[^1]);
            group.Cells[3].ShouldBe(renewals[(renewals.Count - 1) / 2]);
            group.Cells[4].ShouldBe(RenewalsOf(table, group, "Last activity").Cast<DateTimeOffset>().Max());
            group.Values[1].ShouldBeNull();
            group.Values[0].ShouldBe(group.RowIndexes.Count);
        }

        // The KPI over the same column is the earliest renewal of all, printed as a date with the column's format.
        var kpi = report.Summary.Kpis[0];
        kpi.Kind.ShouldBe(CellKind.Date);
        var first = table.Rows.Select(r => r[table.ColumnIndex("Renewal")]).OfType<DateOnly>().Min();
        kpi.Cell.ShouldBe(first);
        TotangoReports.Rendering.Formatting.KpiText.Of(kpi).ShouldBe(first.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture));
        report.Summary.Kpis[1].Cell.ShouldBe((double)table.Rows.Count);
        report.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public async Task GroupDateAggregates_AreRealExcelDates_InTheSummarySheet()
    {
        // Arrange
        var report = await BuildAsync(Renewals);
        var group = report.Datasets.Single().Groups!.Rows[0];

        // Act
        using var workbook = await XlsxTestWorkbook.RenderAsync(report);

        // Assert: the cell under "Next renewal" in the first owner's row holds the date with the column's format.
        var sheet = workbook.Worksheet("Summary");
        var header = sheet.CellsUsed().First(c => c.GetString() == "Next renewal");
        var cell = sheet.Cell(header.Address.RowNumber + 1, header.Address.ColumnNumber);
        cell.DataType.ShouldBe(XLDataType.DateTime);
        DateOnly.FromDateTime(cell.GetDateTime()).ShouldBe((DateOnly)group.Cells[1]!);
        cell.Style.NumberFormat.Format.ShouldBe("d mmm yyyy");
        var kpi = sheet.CellsUsed().First(c => c.GetString() == "First renewal");
        var kpiValue = sheet.Cell(kpi.Address.RowNumber + 1, kpi.Address.ColumnNumber);
        kpiValue.DataType.ShouldBe(XLDataType.DateTime);
        DateOnly.FromDateTime(kpiValue.GetDateTime()).ShouldBe((DateOnly)report.Summary.Kpis[0].Cell!);
    }

    [Fact]
    public async Task GroupDateAggregates_PrintAsDates_InThePdfSubtotalsAndTheHtmlModel()
    {
        // Arrange
        var report = await BuildAsync(Renewals);
        var group = report.Datasets.Single().Groups!.Rows[0];
        var next = ((DateOnly)group.Cells[1]!).ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture);

        // Act
        var pdf = await PdfTestSupport.RenderAsync(report);
        var html = HtmlTestKit.RenderText(report, "{{ for g in dataset.groups.rows }}[{{ g.texts[1] }}|{{ g.aggregates['Next renewal'] | date.to_string '%F' }}]{{ end }}");

        // Assert: the subtotal line says the date as the column formats it; templates get the text and a real date.
        using (var document = PdfTestSupport.Open(pdf))
        {
            var text = string.Join('\n', document.GetPages().Select(p => p.Text));
            text.ShouldContain($"Next renewal {next}");
        }

        html.ShouldContain($"[{next}|{(DateOnly)group.Cells[1]!:yyyy-MM-dd}]");
    }

    [Fact]
    public async Task SumOfALookedUpDateColumn_IsAWarningNamingTheGroupAggregateAndTheKind_NotASilentEmpty()
    {
        // Arrange: a lookup column's kind is only known from the other dataset, when the report runs.
        var definition = Renewals.Replace("summary:", Watch + "\n" + """
                group:
                  by: CSM
                  aggregates:
                    Renewal total: sum(Renewal)
            summary:
            """, StringComparison.Ordinal);

        // Act
        var report = await BuildAsync(definition);

        // Assert
        var watch = report.Datasets.Single(d => d.Name == "watch");
        watch.Columns[2].Kind.ShouldBe(CellKind.Date);
        report.Warnings.ShouldContain(w => w.Contains("dataset 'watch': group aggregate 'Renewal total': sum(Renewal) — Renewal holds dates; use min or max", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Next renewal: min(Renewal)", "Next renewal: sum(Renewal)", "aggregate 'Next renewal': sum(Renewal) — Renewal holds dates; use min or max")]
    [InlineData("Last renewal: max(Renewal)", "Last renewal: avg(Last activity)", "aggregate 'Last renewal': avg(Last activity) — Last activity holds dates; use min or max")]
    [InlineData("value: min(Renewal)", "value: avg(Renewal)", "KPI 'First renewal': avg(Renewal) — Renewal holds dates; use min or max")]
    [InlineData("Accounts: count", "Accounts: max(CSM)", "aggregate 'Accounts': max(CSM) — CSM holds text; use count or distinct")]
    public void SumOrAvgOfADeclaredDateColumn_OrMaxOfText_IsAValidationErrorWhereWritten(string valid, string wrong, string message)
    {
        // Arrange
        var text = Renewals.Replace("{ name: CSM, path: fields.CSM }", "{ name: CSM, path: fields.CSM, type: text }", StringComparison.Ordinal).Replace(valid, wrong, StringComparison.Ordinal);
        var index = text.IndexOf(wrong, StringComparison.Ordinal) + wrong.IndexOf(':', StringComparison.Ordinal) + 2;

        // Act
        var result = DefinitionLoader.Parse(text, "v.yaml");

        // Assert: one error, at the function's first letter.
        result.Success.ShouldBeFalse();
        var error = result.Diagnostics.Where(d => d.IsError).ShouldHaveSingleItem();
        error.Message.ShouldContain(message);
        (error.Location.Line, error.Location.Column).ShouldBe((text[..index].Count(c => c == '\n') + 1, index - text.LastIndexOf('\n', index - 1)), error.ToString());
    }

    [Theory]
    [InlineData("y: min(Renewal)", "y of chart 'Next renewal': min(Renewal) — Renewal holds dates, which a chart cannot plot")]
    [InlineData("y: Renewal", "y of chart 'Next renewal': Renewal holds dates, which a chart cannot plot")]
    public void ChartOfADeclaredDateColumn_IsAValidationError_NotABarOfZero(string y, string message)
    {
        // Arrange
        var text = Renewals.Replace("    - { label: Accounts, value: count }", "    - { label: Accounts, value: count }\n  charts:\n    - { title: Next renewal, type: bar, x: CSM, " + y + " }", StringComparison.Ordinal);

        // Act
        var result = DefinitionLoader.Parse(text, "v.yaml");

        // Assert
        result.Success.ShouldBeFalse();
        result.Diagnostics.Where(d => d.IsError).ShouldHaveSingleItem().Message.ShouldContain(message);
    }

    [Fact]
    public async Task ChartOfADateColumnKnownOnlyFromTheData_IsEmptyWithAWarning_NotABarOfZero()
    {
        // Arrange: a looked-up column's kind is only known when the report runs.
        var definition = Renewals.Replace("summary:", Watch + "\nsummary:", StringComparison.Ordinal)
            .Replace("  dataset: renewals\n", "  dataset: watch\n", StringComparison.Ordinal)
            .Replace("    - { label: First renewal, value: min(Renewal) }\n", string.Empty, StringComparison.Ordinal)
            .Replace("    - { label: Accounts, value: count }", "    - { label: Accounts, value: count }\n  charts:\n    - { title: Next renewal, type: bar, x: CSM, y: min(Renewal) }\n    - { title: Accounts per CSM, type: bar, x: CSM, y: count }", StringComparison.Ordinal);

        // Act
        var report = await BuildAsync(definition);

        // Assert
        var charts = report.Summary.ShouldNotBeNull().Charts;
        charts[0].Labels.ShouldBeEmpty();
        charts[0].Values.ShouldBeEmpty();
        charts[1].Values.Sum().ShouldBeGreaterThan(0);
        report.Warnings.ShouldContain(w => w.Contains("aggregate 'Next renewal': y 'min(Renewal)' is a date, which a chart cannot plot; the chart is empty", StringComparison.Ordinal));
    }
}
