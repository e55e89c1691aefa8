using TotangoReports.Definition;
using static TotangoReports.Tests.Data.DataKit;

namespace TotangoReports.Tests.Data;

public sealed class SideTableTests
{
    private static long Ms(int year, int month, int day, int hour = 0) =>
        new DateTimeOffset(year, month, day, hour, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    private static DatasetDefinition Dataset(params ReturnType[] returns) => new()
    {
        Name = "accounts",
        List = "1",
        Return = returns,
        Columns = [Path("Account", "name", ColumnType.Text)],
    };

    [Fact]
    public void Users_OneRowPerUser_TimesInZone_DaysSinceLastUsageFromNow()
    {
        // Now is 2026-11-27 12:00Z; last usage 2026-11-20 18:00Z is 6.75 days ago.
        var record = $$"""
            { "account_id": "a4949", "name": "Barksdale",
              "users": [ { "name": "avon@x.com", "first_usage": {{Ms(2026, 1, 5)}}, "last_usage": "{{Ms(2026, 11, 20, 18)}}" },
                         { "name": "stringer@x.com", "first_usage": null } ] }
            """;

        var (table, _) = Build(Dataset(ReturnType.Users), Context("America/New_York"), [(ReturnType.Users, record)]);

        var users = table.Users.ShouldNotBeNull();
        users.Count.ShouldBe(2);
        users[0].AccountId.ShouldBe("a4949");
        users[0].AccountName.ShouldBe("Barksdale");
        users[0].User.ShouldBe("avon@x.com");
        users[0].FirstUsage!.Value.Offset.ShouldBe(TimeSpan.FromHours(-5));
        users[0].LastUsage!.Value.ToUnixTimeMilliseconds().ShouldBe(Ms(2026, 11, 20, 18));
        users[0].LastUsage!.Value.Hour.ShouldBe(13);
        users[0].DaysSinceLastUsage.ShouldBe(6d);
        users[1].FirstUsage.ShouldBeNull();
        users[1].DaysSinceLastUsage.ShouldBeNull();
    }

    [Fact]
    public void Lifecycle_HistoryThenCurrent_DaysUntilNextChangeOrNow()
    {
        var record = $$"""
            { "account_id": "a1", "name": "Acme",
              "lifecycle": { "current": "Activated", "changed": {{Ms(2026, 11, 17)}},
                             "history": [ { "status": "Integrating", "changed": {{Ms(2026, 11, 7)}} },
                                          { "status": "Signup", "changed": {{Ms(2026, 11, 1)}} } ] } }
            """;

        var (table, _) = Build(Dataset(ReturnType.Lifecycle), Context(), [(ReturnType.Lifecycle, record)]);

        var rows = table.Lifecycle.ShouldNotBeNull();
        rows.Select(r => r.Status).ShouldBe(["Signup", "Integrating", "Activated"]);
        rows.Select(r => r.DaysInStatus).ShouldBe([6d, 10d, 10d]);
        rows[2].Changed!.Value.ToUnixTimeMilliseconds().ShouldBe(Ms(2026, 11, 17));
    }

    [Fact]
    public void SideTables_AbsentWhenNotFetched()
    {
        var (table, _) = Build(Dataset(ReturnType.Stats), """{ "account_id": "a", "name": "n" }""");

        table.Users.ShouldBeNull();
        table.Lifecycle.ShouldBeNull();
    }

    [Fact]
    public void Users_FollowFilteredRows()
    {
        var dataset = new DatasetDefinition
        {
            Name = "accounts",
            List = "1",
            Return = [ReturnType.Users],
            Columns = [Path("Account", "name", ColumnType.Text)],
            Filter = "Account != \"drop\"",
        };

        var (table, _) = Build(dataset, Context(),
        [
            (ReturnType.Users, """{ "account_id": "a", "name": "keep", "users": [ { "name": "u1" } ] }"""),
            (ReturnType.Users, """{ "account_id": "b", "name": "drop", "users": [ { "name": "u2" } ] }"""),
        ]);

        table.Users!.Select(u => u.User).ShouldBe(["u1"]);
    }
}
