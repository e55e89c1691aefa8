using TotangoReports.Api;
using TotangoReports.Sample.Internal;
using TotangoReports.Tests.Api;
using TotangoReports.Tests.Definition;

namespace TotangoReports.Tests.Search;

/// <summary>The shipped search sample, end to end: on the sample data and live against the emulator over loopback.</summary>
public sealed class RenewalsByOwnerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RenewalsByOwner_OnTheSample_HoldsEveryPayingAccount_AndItsOwnersContractValue()
    {
        // Arrange: what the sample data holds, computed from the generator rather than from the JSON.
        var definition = ReportEngine.LoadDefinition(RepoFiles.PathOf("sample-config", "renewals-by-owner.yaml"));
        var paying = Enumerable.Range(0, 900).Select(i => SampleAccountFactory.Create(3, i)).Where(a => a.Status == "Paying").ToList();

        // Act
        var report = await new ReportEngine().BuildAsync(definition, ReportSource.Sample(900, seed: 3), cancellationToken: Ct);

        // Assert: one row per paying account, and per owner the sum of their contract values.
        report.Datasets.Count.ShouldBe(3);
        var table = report.Datasets[0];
        table.Rows.Select(r => r.AccountId).Order(StringComparer.Ordinal).ShouldBe(paying.Select(a => a.AccountId).Order(StringComparer.Ordinal));
        var groups = table.Groups.ShouldNotBeNull();
        var arr = groups.Aggregates.ToList().IndexOf("ARR");
        foreach (var owner in paying.GroupBy(a => SampleSearch.Owner(a).Name))
        {
            var row = groups.Rows.Single(g => g.Key == owner.Key);
            row.Values[arr].ShouldBe(owner.Sum(a => (double)SampleSearch.ContractValue(a)));
        }

        table.Rows[0].Values[table.ColumnIndex("Renewal")].ShouldBeOfType<DateOnly>();

        // The List dataset is enriched with the Search fields: its health-watch rows carry their owner and ARR.
        var watch = report.Datasets[1];
        watch.Rows.Count.ShouldBe(paying.Count(a => a.Health != "Good"));
        foreach (var row in watch.Rows)
        {
            var account = paying.Single(a => a.AccountId == row.AccountId);
            row[watch.ColumnIndex("CSM")].ShouldBe(SampleSearch.Owner(account).Name);
            row[watch.ColumnIndex("ARR")].ShouldBe((double)SampleSearch.ContractValue(account));
            var notes = SampleEvents.For(SampleAccountFactory.Create(3, account.Index, report.GeneratedAt), 3, report.GeneratedAt).Where(e => e.Type == "note").ToList();
            row[watch.ColumnIndex("Last contact")].ShouldBe(notes.Count == 0 ? null : TimeZoneInfo.ConvertTime(notes.Max(e => e.Timestamp), TimeZoneInfo.Utc));
        }

        // Rows sorted by last contact, oldest first; accounts never contacted (no note) are counted in one warning per column.
        var lasts = watch.Rows.Select(r => r[watch.ColumnIndex("Last contact")]).OfType<DateTimeOffset>().ToList();
        lasts.ShouldBe(lasts.Order());
        report.Warnings.ShouldAllBe(w => w.StartsWith("lookup touches: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RenewalsByOwner_FromASourceWithoutTheSearchApi_IsAConfigurationErrorNamingTheDataset()
    {
        var definition = ReportEngine.LoadDefinition(RepoFiles.PathOf("sample-config", "renewals-by-owner.yaml"));
        var listsOnly = ReportSource.From(new ListsOnly(new TotangoReports.Sample.SampleActiveListSource()), "lists only");

        var ex = await Should.ThrowAsync<TotangoConfigurationException>(() => new ReportEngine().BuildAsync(definition, listsOnly, cancellationToken: Ct));

        ex.Message.ShouldContain("Dataset 'renewals' reads the Search API");
    }

    [Fact]
    public async Task RenewalsByOwner_Live_AgainstTheEmulator_ReadsTheSameRowsAsTheSample()
    {
        await using var host = await EmulatorTestKit.StartAsync(accounts: 900);
        var definition = ReportEngine.LoadDefinition(RepoFiles.PathOf("sample-config", "renewals-by-owner.yaml"));
        var engine = new ReportEngine(new ReportEngineOptions { Totango = EmulatorTestKit.Options(host) });

        var live = await engine.BuildAsync(definition, ReportSource.Live, cancellationToken: Ct);
        // The emulator's sample is dated at the fixed sample epoch; ReportSource.Sample would date it at the run's now.
        var sameData = new TotangoReports.Sample.SampleActiveListSource(new TotangoReports.Sample.SampleSourceOptions { Accounts = 900, Seed = 7 });
        var sample = await new ReportEngine().BuildAsync(definition, ReportSource.From(sameData, "sample"), cancellationToken: Ct);

        live.Datasets[0].Rows.Select(r => r.AccountId).ShouldBe(sample.Datasets[0].Rows.Select(r => r.AccountId));
        live.Datasets[1].Rows.Select(r => r.Values).ShouldBe(sample.Datasets[1].Rows.Select(r => r.Values));
        host.RequestLog.ShouldContain(r => r.Path == "/api/v1/search/accounts");
        host.RequestLog.ShouldContain(r => r.Path == "/api/v1/accounts/active_list/1004/current.json");
    }

    /// <summary>A source of your own that answers active lists only.</summary>
    private sealed class ListsOnly(IActiveListSource inner) : IActiveListSource
    {
        public Task<ReadOnlyMemory<byte>> GetPageAsync(ActiveListQuery query, int offset, int length, CancellationToken cancellationToken) =>
            inner.GetPageAsync(query, offset, length, cancellationToken);
    }
}
