using TotangoReports.Runs;

namespace TotangoReports.Tests.Burst;

/// <summary>A burst value's figures are its own rows' (#17): the same builders as the whole table, over that value's rows only.</summary>
public sealed class BurstSliceTests
{
    private const string Definition = """
        title: Book
        datasets:
          accounts:
            list: 1
            columns:
              - { name: id, path: account_id }
              - { name: score, path: engagement.score.current, type: number }
              - { name: Health, path: engagement.health.current }
              - { name: Owner, expr: '"owner" + ((string.to_int (string.slice id 1)) % 7)' }
            group: { by: Health, aggregates: { Accounts: count, Score: sum(score) } }
          users:
            list: 1
            return: [users]
            columns:
              - { name: id, path: account_id }
        summary:
          dataset: accounts
          kpis:
            - { label: Accounts, value: count }
            - { label: Total score, value: sum(score) }
          charts:
            - { title: By health, type: bar, x: Health, y: count }
        burst: { by: Owner }
        outputs:
          - { format: csv, file: book.csv, dataset: accounts }
        """;

    [Fact]
    public async Task Build_EachBurstValue_HasKpisChartsAndGroupsOfItsOwnRows_AndOtherDatasetsOnlyItsAccounts()
    {
        // Arrange
        var definition = ReportEngine.ParseDefinition(Definition);

        // Act
        var report = await new ReportEngine().BuildAsync(definition, ReportSource.Sample(accounts: 140, seed: 5), cancellationToken: TestContext.Current.CancellationToken);

        // Assert
        var table = report.Datasets[0];
        var slices = table.Bursts.ShouldNotBeNull();
        slices.Select(s => s.Value).ShouldBe(Enumerable.Range(0, 7).Select(i => "owner" + i).Order(StringComparer.Ordinal));
        slices.Sum(s => s.RowIndexes.Count).ShouldBe(table.Rows.Count);
        var score = table.ColumnIndex("score");
        foreach (var slice in slices)
        {
            var rows = slice.RowIndexes.Select(i => table.Rows[i]).ToList();
            rows.ShouldAllBe(r => (string)r[table.ColumnIndex("Owner")]! == slice.Value);
            slice.Summary.Rows.ShouldBe(rows.Count);
            slice.Summary.Kpis[0].Value.ShouldBe(rows.Count);
            slice.Summary.Kpis[1].Value!.Value.ShouldBe(rows.Sum(r => r[score] as double? ?? 0), 1e-9);
            slice.Summary.Charts[0].Values.Sum().ShouldBe(rows.Count);
            slice.Groups!.Rows.Sum(g => g.Values[0]).ShouldBe(rows.Count);

            var own = BurstReports.For(report, table, slice);
            own.BurstValue.ShouldBe(slice.Value);
            own.Summary.ShouldBeSameAs(slice.Summary);
            var ids = rows.Select(r => r.AccountId).ToHashSet(StringComparer.Ordinal);
            own.Datasets[1].Rows.ShouldNotBeEmpty();
            own.Datasets[1].Rows.ShouldAllBe(r => ids.Contains(r.AccountId));
            own.Datasets[1].Users!.ShouldAllBe(u => ids.Contains(u.AccountId));
            own.Datasets[1].Groups.ShouldBeNull();
        }

        report.Summary.Kpis[0].Value.ShouldBe(table.Rows.Count);
    }
}
