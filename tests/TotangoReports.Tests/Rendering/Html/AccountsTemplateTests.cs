using System.Globalization;
using TotangoReports.Data;
using TotangoReports.Fixtures;

namespace TotangoReports.Tests.Rendering.Html;

public sealed class AccountsTemplateTests
{
    [Fact]
    public async Task Accounts_HasOneRowPerTableRow_AndTheColumnsAsDefined()
    {
        var report = TestReports.Accounts(40);
        var table = report.Datasets[0];

        var document = HtmlTestKit.Parse(await HtmlTestKit.RenderAsync(report, "accounts"));

        document.QuerySelectorAll("table.accounts thead th").Select(th => th.TextContent).ShouldBe(table.Columns.Select(c => c.Name).ToList());
        var rows = document.QuerySelectorAll("table.accounts tbody tr").ToList();
        rows.Count.ShouldBe(40);
        rows.Select(r => r.Children[0].TextContent).ShouldBe(table.Rows.Select(r => r.AccountId).ToList());
        rows.Select(r => r.Children[1].TextContent).Take(TestReports.AwkwardNames.Length).ShouldBe(TestReports.AwkwardNames);
    }

    [Fact]
    public async Task Accounts_FormatsCellsByColumnFormat_InTheReportTimeZone()
    {
        var report = TestReports.Accounts(12);
        var table = report.Datasets[0];
        var row = 3;

        var cells = HtmlTestKit.Parse(await HtmlTestKit.RenderAsync(report, "accounts"))
            .QuerySelectorAll("table.accounts tbody tr")[row].Children;

        var values = table.Rows[row].Values;
        cells[table.ColumnIndex("Score")].TextContent.ShouldBe(((double)values[2]!).ToString("0", CultureInfo.InvariantCulture));
        cells[table.ColumnIndex("Utilisation")].TextContent.ShouldBe(Math.Round((double)values[8]! * 100).ToString(CultureInfo.InvariantCulture) + "%");
        var renewal = (DateOnly)values[5]!;
        cells[table.ColumnIndex("Renewal")].TextContent.ShouldBe($"{renewal.Year:D4}-{renewal.Month:D2}-{renewal.Day:D2}");
        var berlin = TimeZoneInfo.ConvertTime(TestReports.GeneratedAt.AddHours(-7 * row), TestReports.Berlin);
        cells[table.ColumnIndex("Last activity")].TextContent.ShouldBe(berlin.ToString("yyyy'-'MM'-'dd HH':'mm", CultureInfo.InvariantCulture));
        cells[table.ColumnIndex("Last activity")].GetAttribute("data-sort").ShouldBe(berlin.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss", CultureInfo.InvariantCulture));
        cells[table.ColumnIndex("Users 30d")].GetAttribute("data-sort").ShouldBe(((double)values[7]!).ToString("R", CultureInfo.InvariantCulture));
        cells[table.ColumnIndex("Website")].TextContent.ShouldBe(values[9] as string ?? string.Empty);
    }

    [Fact]
    public async Task Accounts_HasAStickyHeaderAndOnlyItsOwnSortScript()
    {
        var report = TestReports.Accounts(5);

        var document = HtmlTestKit.Parse(await HtmlTestKit.RenderAsync(report, "accounts"));

        document.QuerySelector("style")!.TextContent.ShouldContain("position: sticky");
        var scripts = document.QuerySelectorAll("script").ToList();
        scripts.Count.ShouldBe(1);
        scripts[0].TextContent.ShouldContain("data-sortable");
        document.QuerySelector("table.accounts")!.GetAttribute("data-sortable").ShouldBe("pending");
    }

    [Fact]
    public async Task Accounts_ShowsTheGroupTable_WhenTheDatasetIsGrouped()
    {
        var report = TestReports.Accounts(40);
        var groups = report.Datasets[0].Groups!;

        var document = HtmlTestKit.Parse(await HtmlTestKit.RenderAsync(report, "accounts"));

        document.QuerySelectorAll("table.groups thead th").Select(th => th.TextContent).ShouldBe(new[] { groups.By }.Concat(groups.Aggregates).ToList());
        var first = document.QuerySelectorAll("table.groups tbody tr")[0].Children;
        first[0].TextContent.ShouldBe(groups.Rows[0].Key.Length == 0 ? "(none)" : groups.Rows[0].Key);
        first[1].TextContent.ShouldBe(groups.Rows[0].RowIndexes.Count.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task BuiltInTemplates_RenderAReportWithoutDatasets()
    {
        var report = new Report
        {
            Definition = TestReports.Definition(),
            GeneratedAt = TestReports.GeneratedAt,
            TimeZone = TestReports.Berlin,
            Datasets = [],
        };

        var accounts = HtmlTestKit.Parse(await HtmlTestKit.RenderAsync(report, "accounts"));
        var summary = HtmlTestKit.Parse(await HtmlTestKit.RenderAsync(report, "exec-summary"));

        accounts.QuerySelector("table.accounts").ShouldBeNull();
        accounts.Body!.TextContent.ShouldContain("no datasets");
        summary.QuerySelector("h1")!.TextContent.ShouldBe(report.Title);
        summary.QuerySelectorAll("div.chart").Length.ShouldBe(0);
    }

    [Fact]
    public async Task Accounts_RendersTheDatasetNamedByTheOutput()
    {
        var first = TestReports.Accounts(3).Datasets[0];
        var second = TestReports.Accounts(7).Datasets[0];
        var report = new Report
        {
            Definition = TestReports.Definition(),
            GeneratedAt = TestReports.GeneratedAt,
            TimeZone = TestReports.Berlin,
            Datasets = [first, new DatasetTable { Name = "second", Columns = second.Columns, Rows = second.Rows }],
        };

        var document = HtmlTestKit.Parse(await HtmlTestKit.RenderAsync(report, "accounts", dataset: "second"));

        document.QuerySelectorAll("table.accounts tbody tr").Length.ShouldBe(7);
    }
}
