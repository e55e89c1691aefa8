using System.Text.Json;
using TotangoReports.Tests.Api;
using TotangoReports.Tests.Definition;
using TotangoReports.Tests.Rendering.Html;

namespace TotangoReports.Tests.Search;

/// <summary><c>fetch --save</c> keeps Search API pages (accounts, users, events) and <c>run --snapshot</c> renders them offline.</summary>
public sealed class SearchSnapshotTests
{
    private const string WithUsers = """
        title: Users
        timezone: UTC
        datasets:
          people:
            source: search
            entity: users
            terms: [ { type: parent_account, terms: [ { type: string, term: status_group, in_list: [paying] } ] } ]
            parent_account_fields: [ { name: CSM, type: string_attribute, attribute: Success Manager } ]
            count: 100
            columns:
              - { name: User, path: user_id }
              - { name: CSM, path: account.fields.CSM }
        outputs:
          - { format: csv, file: u.csv }
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SavedSnapshot_OfAListSearchAndEventsReport_RendersOfflineTheSameRows()
    {
        // Arrange: the shipped renewals-by-owner (accounts search, events search, a list, lookups), saved from the emulator.
        using var folder = new TempDirectory();
        var snapshot = Path.Combine(folder.Path, "snap");
        var definition = ReportEngine.LoadDefinition(RepoFiles.PathOf("sample-config", "renewals-by-owner.yaml"));
        TotangoReports.Data.Report live;
        int pages;
        TotangoReports.Api.TotangoOptions settings;
        await using (var host = await EmulatorTestKit.StartAsync(accounts: 400))
        {
            settings = EmulatorTestKit.Options(host);
            var engine = new ReportEngine(new ReportEngineOptions { Totango = settings });
            live = await engine.BuildAsync(definition, ReportSource.Live, cancellationToken: Ct);
            pages = await engine.SaveSnapshotAsync(definition, ReportSource.Live, snapshot, cancellationToken: Ct);
        }

        // Act: the emulator is gone; the snapshot is all there is (read with the same page size it was saved with).
        var offline = await new ReportEngine(new ReportEngineOptions { Totango = settings }).BuildAsync(definition, ReportSource.Snapshot(snapshot), cancellationToken: Ct);

        // Assert
        offline.Datasets.Select(d => d.Name).ShouldBe(live.Datasets.Select(d => d.Name));
        for (var i = 0; i < live.Datasets.Count; i++)
        {
            offline.Datasets[i].Rows.Select(r => r.Values).ShouldBe(live.Datasets[i].Rows.Select(r => r.Values), live.Datasets[i].Name);
        }

        using var index = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(snapshot, "index.json")));
        var entries = index.RootElement.GetProperty("pages").EnumerateArray().ToList();
        entries.Count.ShouldBe(pages);
        entries.Select(e => e.GetProperty("list").GetString() == "search" ? e.GetProperty("endpoint").GetString() : "list").Distinct().Order()
            .ShouldBe(["accounts", "events", "list"]);
        entries.ShouldAllBe(e => File.Exists(Path.Combine(snapshot, e.GetProperty("file").GetString()!)));
    }

    [Fact]
    public async Task SavedSnapshot_OfAUsersSearch_RendersOffline_AndAChangedQueryIsAPlainErrorNamingIt()
    {
        using var folder = new TempDirectory();
        var snapshot = Path.Combine(folder.Path, "snap");
        var definition = ReportEngine.ParseDefinition(WithUsers);
        TotangoReports.Data.Report live;
        await using (var host = await EmulatorTestKit.StartAsync(accounts: 150))
        {
            var engine = new ReportEngine(new ReportEngineOptions { Totango = EmulatorTestKit.Options(host) });
            live = await engine.BuildAsync(definition, ReportSource.Live, cancellationToken: Ct);
            await engine.SaveSnapshotAsync(definition, ReportSource.Live, snapshot, cancellationToken: Ct);
        }

        var offline = await new ReportEngine().BuildAsync(definition, ReportSource.Snapshot(snapshot), cancellationToken: Ct);
        var changed = ReportEngine.ParseDefinition(WithUsers.Replace("in_list: [paying]", "in_list: [trial]", StringComparison.Ordinal));
        var ex = await Should.ThrowAsync<TotangoReports.Api.TotangoConfigurationException>(() => new ReportEngine().BuildAsync(changed, ReportSource.Snapshot(snapshot), cancellationToken: Ct));

        offline.Datasets[0].Rows.Count.ShouldBeGreaterThan(100);
        offline.Datasets[0].Rows.Select(r => r.Values).ShouldBe(live.Datasets[0].Rows.Select(r => r.Values));
        ex.Message.ShouldContain("has no Search API page for search/users");
        ex.Message.ShouldContain("trial");
    }

    [Fact]
    public async Task Emulator_ServingASnapshot_AnswersTheSavedSearchQueries_AndRefusesOthersAsStatusFailed()
    {
        // Arrange: a users search saved from one emulator, served by another from the snapshot.
        using var folder = new TempDirectory();
        var snapshot = Path.Combine(folder.Path, "snap");
        var definition = ReportEngine.ParseDefinition(WithUsers);
        TotangoReports.Data.Report live;
        await using (var host = await EmulatorTestKit.StartAsync(accounts: 80))
        {
            var engine = new ReportEngine(new ReportEngineOptions { Totango = EmulatorTestKit.Options(host) });
            live = await engine.BuildAsync(definition, ReportSource.Live, cancellationToken: Ct);
            await engine.SaveSnapshotAsync(definition, ReportSource.Live, snapshot, cancellationToken: Ct);
        }

        await using var replay = await Emulator.EmulatorHost.StartAsync(new Emulator.EmulatorOptions { SnapshotDirectory = snapshot, Token = EmulatorTestKit.Token }, Ct);
        var replayEngine = new ReportEngine(new ReportEngineOptions { Totango = EmulatorTestKit.Options(replay) });

        // Act
        var replayed = await replayEngine.BuildAsync(definition, ReportSource.Live, cancellationToken: Ct);
        var changed = ReportEngine.ParseDefinition(WithUsers.Replace("in_list: [paying]", "in_list: [trial]", StringComparison.Ordinal));
        var ex = await Should.ThrowAsync<TotangoReports.Api.TotangoApiException>(() => replayEngine.BuildAsync(changed, ReportSource.Live, cancellationToken: Ct));

        // Assert
        replayed.Datasets[0].Rows.Select(r => r.Values).ShouldBe(live.Datasets[0].Rows.Select(r => r.Values));
        ex.Message.ShouldContain("has no Search API page for search/users");
    }
}
