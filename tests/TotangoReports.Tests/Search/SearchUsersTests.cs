using System.Text.Json;
using TotangoReports.Api;
using TotangoReports.Api.Internal;
using TotangoReports.Definition;
using TotangoReports.Emulator;
using TotangoReports.Sample.Internal;
using TotangoReports.Tests.Api;

namespace TotangoReports.Tests.Search;

/// <summary><c>entity: users</c> over loopback: one record per user, with its parent account's fields.</summary>
public sealed class SearchUsersTests
{
    private const string Sentinel = "SENTINEL-APP-TOKEN-u5e45";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static SearchDefinition PayingUsers(int count) => new()
    {
        Entity = SearchEntity.Users,
        TermsJson = """[{"type":"parent_account","terms":[{"type":"string","term":"status_group","in_list":["paying"]}]}]""",
        Fields =
        [
            new SearchField("Role", """{"type":"string_attribute","attribute":"Role","field_display_name":"Role"}"""),
            new SearchField("Last seen", """{"type":"date","term":"last_activity_time","field_display_name":"Last seen"}"""),
        ],
        ParentFields = [new SearchField("CSM", """{"type":"string_attribute","attribute":"Success Manager","field_display_name":"CSM"}""")],
        Count = count,
    };

    [Fact]
    public async Task Fetch_Users_OneRecordPerUser_WithItsParentAccountAndFields_PagedByRecordOffset()
    {
        // Arrange: 200 accounts; the paying ones' users span several pages of 150.
        await using var host = await EmulatorTestKit.StartAsync(accounts: 200);
        var epoch = host.Sample!.Options.Epoch;
        using var http = new TotangoHttpSource(EmulatorTestKit.Options(host), new VirtualTimeProvider());
        var source = new RecordingSearchSource(http);
        var sink = new RecordingSink();
        var paying = Enumerable.Range(0, 200).Select(i => SampleAccountFactory.Create(7, i, epoch)).Where(a => a.Status == "Paying").ToList();
        var expected = paying.SelectMany(a => a.Users.Select((u, i) => (Account: a, User: u, Index: i))).ToDictionary(x => x.User.Name);

        // Act
        var summary = await new SearchFetch(source, PayingUsers(150), sink).RunAsync("users", Ct);

        // Assert: every user once, as a row of its own that still carries its account's id and fields.
        sink.RawAccounts.Count.ShouldBe(expected.Count);
        expected.Count.ShouldBeGreaterThan(300);
        summary.TotalItems.ShouldBe(expected.Count);
        foreach (var raw in sink.RawAccounts)
        {
            using var record = JsonDocument.Parse(raw);
            var root = record.RootElement;
            var (account, user, index) = expected[root.GetProperty("user_id").GetString()!];
            root.GetProperty("account_id").GetString().ShouldBe(account.AccountId);
            root.GetProperty("account_name").GetString().ShouldBe(account.Name);
            root.GetProperty("name").GetString().ShouldBe(SampleUserSearch.DisplayName(user.Name));
            root.GetProperty("last_activity_time").GetInt64().ShouldBe(user.LastUsage.ToUnixTimeMilliseconds());
            root.GetProperty("fields").GetProperty("Role").GetString().ShouldBe(SampleUserSearch.Role(index));
            root.GetProperty("fields").GetProperty("Last seen").GetInt64().ShouldBe(user.LastUsage.ToUnixTimeMilliseconds());
            root.GetProperty("account").GetProperty("fields").GetProperty("CSM").GetString().ShouldBe(SampleSearch.Owner(account).Name);
            root.GetProperty("account").GetProperty("name").GetString().ShouldBe(account.Name);
        }

        // Record offsets 0, 150, 300, …; the parent-account fields travel in the query.
        source.Queries.Select(q => JsonDocument.Parse(q.Query).RootElement.GetProperty("offset").GetInt32()).ShouldBe(Enumerable.Range(0, summary.Pages).Select(p => p * 150));
        source.Queries.ShouldAllBe(q => q.Query.Contains("\"parent_account_fields\":[{", StringComparison.Ordinal));
        host.RequestLog.ShouldAllBe(r => r.Path == "/api/v1/search/users");
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Fetch_MoreUsersThanTheCap_SplitByLastSeen_ReadsEveryUserOnce_OverLoopback()
    {
        // Arrange: more than 10,000 users in all, split by a date field each user has.
        await using var host = await EmulatorTestKit.StartAsync(accounts: 2500);
        var epoch = host.Sample!.Options.Epoch;
        var users = Enumerable.Range(0, 2500).SelectMany(i => SampleAccountFactory.Create(7, i, epoch).Users).Select(u => u.Name).ToList();
        users.Count.ShouldBeGreaterThan(SearchDefinition.RecordCap);
        using var http = new TotangoHttpSource(EmulatorTestKit.Options(host), new VirtualTimeProvider());
        var source = new RecordingSearchSource(http);
        var sink = new RecordingSink();
        var search = new SearchDefinition
        {
            Entity = SearchEntity.Users,
            TermsJson = "[]",
            Fields = [new SearchField("Last seen", """{"type":"date","term":"last_activity_time","field_display_name":"Last seen"}""")],
            SplitBy = "Last seen",
        };

        // Act
        var summary = await new SearchFetch(source, search, sink).RunAsync("people", Ct);

        // Assert: every user exactly once, and no query asked past the cap.
        summary.Complete.ShouldBeTrue();
        sink.RawAccounts.Select(r => JsonDocument.Parse(r).RootElement.GetProperty("user_id").GetString()).Order(StringComparer.Ordinal)
            .ShouldBe(users.Order(StringComparer.Ordinal));
        source.Queries.Select(q => JsonDocument.Parse(q.Query).RootElement).ShouldAllBe(q => q.GetProperty("offset").GetInt32() + q.GetProperty("count").GetInt32() <= SearchDefinition.RecordCap);
        source.Queries.ShouldContain(q => q.Query.Contains("\"gte\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Fetch_UsersFaults_AreRetried_AndARefusedTokenIsAnAuthErrorWithoutIt()
    {
        // Arrange: a 503 on the second page, then a token the server refuses.
        await using var host = await EmulatorTestKit.StartAsync(accounts: 60);
        host.Options.Faults.Add(new EmulatorFault { Page = 1, StatusCode = 503, Times = 2 });
        using var http = new TotangoHttpSource(EmulatorTestKit.Options(host), new VirtualTimeProvider());
        var sink = new RecordingSink();

        // Act
        await new SearchFetch(http, PayingUsers(20), sink).RunAsync("users", Ct);
        var refused = EmulatorTestKit.Options(host);
        refused.ApiToken = Sentinel;
        using var wrongToken = new TotangoHttpSource(refused, new VirtualTimeProvider());
        var auth = await Should.ThrowAsync<TotangoAuthException>(() => new SearchFetch(wrongToken, PayingUsers(20), new RecordingSink()).RunAsync("users", Ct));

        // Assert
        http.Retries.ShouldBe(2);
        sink.RawAccounts.Count.ShouldBeGreaterThan(20);
        auth.ToString().ShouldNotContain(Sentinel);
    }

    [Fact]
    public async Task Run_UsersDataset_IsOneRowPerUser_AndLooksUpItsAccountsRow()
    {
        // Arrange: users enriched from an accounts search by their parent account's id; a list counts its users there.
        const string Definition = """
            title: Users
            timezone: UTC
            datasets:
              accounts:
                list: 1
                columns:
                  - { name: Account ID, path: account_id }
                  - { name: Users, lookup: people, aggregate: count }
              renewals:
                source: search
                terms: [ { type: string, term: status_group, in_list: [paying] } ]
                fields:
                  - { name: ARR, type: number_attribute, attribute: Contract Value }
                columns:
                  - { name: Account ID, path: account_id }
                  - { name: ARR, path: fields.ARR, type: number }
              people:
                source: search
                entity: users
                terms: [ { type: parent_account, terms: [ { type: string, term: status_group, in_list: [paying] } ] } ]
                fields:
                  - { name: Role, type: string_attribute, attribute: Role }
                parent_account_fields:
                  - { name: CSM, type: string_attribute, attribute: Success Manager }
                columns:
                  - { name: User, path: user_id }
                  - { name: Name, path: name }
                  - { name: Account, path: account_name }
                  - { name: CSM, path: account.fields.CSM }
                  - { name: Role, path: fields.Role }
                  - { name: ARR, lookup: renewals.ARR }
                  - { name: Last seen, path: last_activity_time, type: datetime }
            outputs:
              - { format: csv, file: u.csv, dataset: people }
            """;
        await using var host = await EmulatorTestKit.StartAsync(accounts: 120);
        var epoch = host.Sample!.Options.Epoch;
        var paying = Enumerable.Range(0, 120).Select(i => SampleAccountFactory.Create(7, i, epoch)).Where(a => a.Status == "Paying").ToDictionary(a => a.AccountId);
        var engine = new ReportEngine(new ReportEngineOptions { Totango = EmulatorTestKit.Options(host) });

        // Act
        var report = await engine.BuildAsync(ReportEngine.ParseDefinition(Definition), ReportSource.Live, cancellationToken: Ct);

        // Assert
        var people = report.Datasets.Single(d => d.Name == "people");
        people.Rows.Count.ShouldBe(paying.Values.Sum(a => a.Users.Count));
        foreach (var row in people.Rows)
        {
            var account = paying[row.AccountId];
            row[people.ColumnIndex("Account")].ShouldBe(account.Name);
            row[people.ColumnIndex("CSM")].ShouldBe(SampleSearch.Owner(account).Name);
            row[people.ColumnIndex("ARR")].ShouldBe((double)SampleSearch.ContractValue(account));
            row[people.ColumnIndex("Last seen")].ShouldBeOfType<DateTimeOffset>();
        }

        var accounts = report.Datasets.Single(d => d.Name == "accounts");
        accounts.Rows.Count.ShouldBe(120);
        foreach (var row in accounts.Rows)
        {
            row[accounts.ColumnIndex("Users")].ShouldBe((double)(paying.TryGetValue(row.AccountId, out var account) ? account.Users.Count : 0));
        }

        report.Warnings.ShouldContain(w => w.Contains("lookup people: count:", StringComparison.Ordinal) && w.Contains("their count is 0", StringComparison.Ordinal));
    }

    [Fact]
    public void UserHit_WithItsParentUnderAccount_IsReadToo_AndAHitWithoutAnIdIsSkipped()
    {
        // Where a real server puts the parent account is not documented: 'account' {id, …} is read like 'parent_account'.
        var body = """
            {"status":"success","response":{"users":{"total_hits":2,"hits":[
              {"name":"ann@x.example","display_name":"Ann","selected_fields":["Admin"],"account":{"id":"a7","display_name":"Acme","selected_fields":["Dana Levi"]}},
              {"display_name":"no id"}]}}}
            """u8.ToArray();
        var search = PayingUsers(10);
        var records = new List<string>();

        var (total, hits) = SearchPage.Read(body, search, "users", (key, record) => records.Add(key + " " + record.GetRawText()));

        (total, hits).ShouldBe((2L, 2));
        records.Count.ShouldBe(1);
        using var record = JsonDocument.Parse(records[0][(records[0].IndexOf(' ', StringComparison.Ordinal) + 1)..]);
        record.RootElement.GetProperty("user_id").GetString().ShouldBe("ann@x.example");
        record.RootElement.GetProperty("account_id").GetString().ShouldBe("a7");
        record.RootElement.GetProperty("account_name").GetString().ShouldBe("Acme");
        record.RootElement.GetProperty("fields").GetProperty("Role").GetString().ShouldBe("Admin");
        record.RootElement.GetProperty("account").GetProperty("fields").GetProperty("CSM").GetString().ShouldBe("Dana Levi");
    }

    [Theory]
    [InlineData("entity: accounts", "{ name: CSM, type: string_attribute, attribute: Success Manager }", "'parent_account_fields' applies to entity: users only")]
    [InlineData("entity: users", "{ type: string_attribute, attribute: Success Manager }", "a field needs 'name'")]
    public void Definition_ParentAccountFields_AreCheckedForShape(string entity, string field, string expected)
    {
        var text = $$"""
            title: T
            datasets:
              people:
                source: search
                {{entity}}
                terms: []
                parent_account_fields: [ {{field}} ]
                columns:
                  - { name: User, path: user_id }
            outputs:
              - { format: csv, file: u.csv }
            """;

        var result = DefinitionLoader.Parse(text, "u.yaml");

        result.Success.ShouldBeFalse();
        result.Diagnostics.ShouldContain(d => d.Message.Contains(expected, StringComparison.Ordinal), string.Join("\n", result.Diagnostics));
    }
}
