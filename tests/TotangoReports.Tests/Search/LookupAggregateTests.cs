using TotangoReports.Data;
using TotangoReports.Definition;
using TotangoReports.Sample.Internal;
using TotangoReports.Tests.Api;

namespace TotangoReports.Tests.Search;

/// <summary>
/// <c>lookup: DATASET, aggregate: …</c>: an accounts dataset reads per-account aggregates of a timeline (events)
/// dataset — the "last contact" column an at-risk report needs.
/// </summary>
public sealed class LookupAggregateTests
{
    private const string AtRisk = """
        title: At risk, last contact
        timezone: UTC
        datasets:
          at_risk:
            list: 1010
            columns:
              - { name: Account ID, path: account_id }
              - { name: Account, path: name }
              - { name: Last contact, lookup: touches, aggregate: max(Date) }
              - { name: First contact, lookup: touches, aggregate: min(Date) }
              - { name: Touchpoints, lookup: touches, aggregate: 'count(Type == "note")' }
              - { name: Touches 30d, lookup: touches, aggregate: 'count(Date >= (date.now | date.add_days (-30)))' }
              - { name: Kinds, lookup: touches, aggregate: distinct(Type) }
            sort: [Last contact]
          touches:
            source: search
            entity: events
            terms: []
            columns:
              - { name: Account ID, path: account_id }
              - { name: Date, path: timestamp, type: datetime }
              - { name: Type, path: type }
              - { name: Subject, path: properties.subject }
        outputs:
          - { format: csv, file: r.csv, dataset: at_risk }
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AccountsDataset_LooksUpPerAccountAggregatesOfAnEventsSearch_OverLoopback()
    {
        // Arrange
        await using var host = await EmulatorTestKit.StartAsync(accounts: 300);
        var epoch = host.Sample!.Options.Epoch;
        var accounts = Enumerable.Range(0, 300).Select(i => SampleAccountFactory.Create(7, i, epoch)).ToDictionary(a => a.AccountId);
        var engine = new ReportEngine(new ReportEngineOptions { Totango = EmulatorTestKit.Options(host) });

        // Act
        var report = await engine.BuildAsync(ReportEngine.ParseDefinition(AtRisk), ReportSource.Live, cancellationToken: Ct);

        // Assert: per account, the newest and oldest event as date-times, the touchpoints counted, the kinds distinct.
        var table = report.Datasets.Single(d => d.Name == "at_risk");
        table.Rows.Count.ShouldBeGreaterThan(5);
        table.Columns[table.ColumnIndex("Last contact")].Kind.ShouldBe(CellKind.DateTime);
        table.Columns[table.ColumnIndex("Touchpoints")].Kind.ShouldBe(CellKind.Number);
        var withoutEvents = 0;
        foreach (var row in table.Rows)
        {
            var events = SampleEvents.For(accounts[row.AccountId], 7, epoch);
            var last = row[table.ColumnIndex("Last contact")];
            if (events.Count == 0)
            {
                withoutEvents++;
                last.ShouldBeNull();
                row[table.ColumnIndex("Touchpoints")].ShouldBe(0d);
                continue;
            }

            ((DateTimeOffset)last!).ShouldBe(events.Max(e => e.Timestamp));
            ((DateTimeOffset)row[table.ColumnIndex("First contact")]!).ShouldBe(events.Min(e => e.Timestamp));
            row[table.ColumnIndex("Touchpoints")].ShouldBe((double)events.Count(e => e.Type == "note"));
            row[table.ColumnIndex("Kinds")].ShouldBe((double)events.Select(e => e.Type).Distinct().Count());
        }

        // Sorted by last contact, oldest first: the accounts nobody has talked to for longest lead.
        var lasts = table.Rows.Select(r => r[table.ColumnIndex("Last contact")]).OfType<DateTimeOffset>().ToList();
        lasts.ShouldBe(lasts.Order());
        if (withoutEvents > 0)
        {
            report.Warnings.ShouldContain(w => w.Contains("lookup touches: max(Date)", StringComparison.Ordinal) && w.Contains($"{withoutEvents} of {table.Rows.Count} accounts have no row", StringComparison.Ordinal));
        }

        host.RequestLog.ShouldContain(r => r.Path == "/api/v2/events/search");
    }

    [Fact]
    public async Task TouchesIn30Days_CountsTheAccountsEventsSinceThirtyDaysBeforeNow()
    {
        // The sample is dated at the run's now (here --as-of, months before the machine's clock), and date.now is
        // that same now, so "30 days" means the same thing to the data and to the expression.
        var asOf = new BuildOptions { AsOf = new DateTimeOffset(2026, 3, 15, 9, 0, 0, TimeSpan.Zero) };
        var report = await new ReportEngine().BuildAsync(ReportEngine.ParseDefinition(AtRisk), ReportSource.Sample(400, seed: 3), asOf, Ct);
        report.GeneratedAt.ShouldBe(asOf.AsOf!.Value);

        var table = report.Datasets.Single(d => d.Name == "at_risk");
        var cutoff = report.GeneratedAt.AddDays(-30);
        var counted = 0d;
        report.Warnings.ShouldNotContain(w => w.Contains("those values are empty", StringComparison.Ordinal));
        foreach (var row in table.Rows)
        {
            var index = Enumerable.Range(0, 400).First(i => SampleAccountFactory.Create(3, i, report.GeneratedAt).AccountId == row.AccountId);
            var events = SampleEvents.For(SampleAccountFactory.Create(3, index, report.GeneratedAt), 3, report.GeneratedAt);
            row[table.ColumnIndex("Touches 30d")].ShouldBe((double)events.Count(e => e.Timestamp >= cutoff));
            counted += (double)row[table.ColumnIndex("Touches 30d")]!;
        }

        counted.ShouldBeGreaterThan(0, string.Join("\n", report.Warnings));
    }

    [Theory]
    [InlineData("{ name: Last contact, lookup: nope, aggregate: max(Date) }", "lookup names dataset 'nope', which does not exist")]
    [InlineData("{ name: Last contact, lookup: touches, aggregate: max(When) }", "reads 'When', which is not a column of dataset 'touches'")]
    [InlineData("{ name: Last contact, lookup: touches, aggregate: latest(Date) }", "must be count, count(EXPR)")]
    [InlineData("{ name: Last contact, lookup: touches.Date, aggregate: max(Date) }", "with 'aggregate', lookup names a dataset only")]
    [InlineData("{ name: Last contact, path: name, aggregate: max(Date) }", "'aggregate' goes with 'lookup: <dataset>'")]
    public void LookupAggregate_Mistakes_AreValidationErrorsOnTheColumnsLine(string column, string expected)
    {
        var text = AtRisk.Replace("{ name: Last contact, lookup: touches, aggregate: max(Date) }", column, StringComparison.Ordinal);

        var result = DefinitionLoader.Parse(text, "r.yaml");

        result.Success.ShouldBeFalse();
        result.Diagnostics.ShouldContain(d => d.Message.Contains(expected, StringComparison.Ordinal) && d.Location.Line == 9, string.Join("\n", result.Diagnostics));
    }

    [Fact]
    public void LookupAggregate_ValidatesAgainstTheJsonSchema()
    {
        Definition.SchemaValidator.EvaluateYaml(AtRisk).IsValid.ShouldBeTrue();
        Definition.SchemaValidator.EvaluateYaml(AtRisk.Replace("lookup: touches, aggregate: max(Date)", "lookup: touches.Date, aggregate: max(Date)", StringComparison.Ordinal)).IsValid.ShouldBeFalse();
        Definition.SchemaValidator.EvaluateYaml(AtRisk.Replace("{ name: Account, path: name }", "{ name: Account, path: name, aggregate: count }", StringComparison.Ordinal)).IsValid.ShouldBeFalse();
    }
}
