using System.Globalization;
using System.Text.Json;
using TotangoReports.Definition;
using TotangoReports.Sample;

namespace TotangoReports.Tests.Sample;

public sealed class SampleDataTests
{
    [Fact]
    public void Generate_SameSeed_GivesIdenticalBytes()
    {
        var first = SampleData.Generate(200, 11).Select(a => SampleData.ToJson(a, ReturnType.Stats)).SelectMany(b => b).ToArray();
        var second = SampleData.Generate(200, 11).Select(a => SampleData.ToJson(a, ReturnType.Stats)).SelectMany(b => b).ToArray();
        var otherSeed = SampleData.Generate(200, 12).Select(a => SampleData.ToJson(a, ReturnType.Stats)).SelectMany(b => b).ToArray();

        second.ShouldBe(first);
        otherSeed.ShouldNotBe(first);
    }

    [Fact]
    public void Generate_AccountsAreIndependentOfTheSetSize()
    {
        var small = SampleData.Generate(20, 5);
        var large = SampleData.Generate(500, 5);

        large.Take(20).Select(a => a.AccountId + a.Name + a.Score.ToString(CultureInfo.InvariantCulture))
            .ShouldBe(small.Select(a => a.AccountId + a.Name + a.Score.ToString(CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Generate_IncludesAwkwardNames()
    {
        var names = SampleData.Generate(20, 1).Select(a => a.Name).ToList();

        names.ShouldContain("Café Müller GmbH");
        names.ShouldContain("חברת אלפא");
        names.ShouldContain("株式会社テスト");
        names.ShouldContain("\"Smith, Jones\" & Co");
        names.ShouldContain("=cmd|' /C calc'!A0");
        names.ShouldContain("+1 Corp");
        names.ShouldContain("@home");
    }

    [Fact]
    public void Generate_CountsNeverShrinkAsTheWindowWidens()
    {
        foreach (var account in SampleData.Generate(700, 1))
        {
            for (var w = 1; w < SampleData.Windows.Count; w++)
            {
                var narrow = account.Stats[SampleData.Windows[w - 1]];
                var wide = account.Stats[SampleData.Windows[w]];
                wide.Users.ShouldBeGreaterThanOrEqualTo(narrow.Users);
                foreach (var action in SampleData.Actions)
                {
                    wide.Actions[action].ShouldBeGreaterThanOrEqualTo(narrow.Actions[action]);
                }
            }
        }
    }

    [Fact]
    public void Generate_LooksLikeARealCustomerBase()
    {
        var accounts = SampleData.Generate(700, 1);

        accounts.Select(a => a.Status).Distinct().Order(StringComparer.Ordinal).ShouldBe(["Activated", "Churned", "Paying", "Trial"]);
        accounts.Select(a => a.Region).Distinct().Order(StringComparer.Ordinal).ShouldBe(["APAC", "EMEA", "LATAM", "NA"]);
        accounts.Select(a => a.Health).Distinct().Order(StringComparer.Ordinal).ShouldBe(["Average", "Good", "Poor"]);
        accounts.ShouldAllBe(a => a.Score >= 0 && a.Score <= 100);
        accounts.ShouldAllBe(a => a.LastActivity >= a.FirstActivity && a.LastActivity <= SampleData.Epoch);
        accounts.ShouldAllBe(a => (a.LeftListAt != null) == (a.Status == "Churned"));
        accounts.Count(a => a.Stats["past_30d"].ActivitiesAll > 0).ShouldBeGreaterThan(400);
        accounts.Select(a => a.AccountId).Distinct(StringComparer.Ordinal).Count().ShouldBe(700);
    }

    [Fact]
    public void ToJson_ActionsShape_CarriesTheTypedCounts()
    {
        var account = SampleData.Generate(10, 1)[3]; // index 3 sends its action counts as strings
        using var doc = JsonDocument.Parse(SampleData.ToJson(account, ReturnType.Stats, SampleShape.Scripted));
        var stats = doc.RootElement.GetProperty("stats");

        foreach (var window in SampleData.Windows)
        {
            var activities = stats.GetProperty("activities").GetProperty(window);
            activities.GetProperty("all").GetInt32().ShouldBe(account.Stats[window].ActivitiesAll);
            foreach (var action in SampleData.Actions)
            {
                var value = activities.GetProperty("actions").GetProperty(action);
                value.ValueKind.ShouldBe(JsonValueKind.String);
                int.Parse(value.GetString()!, CultureInfo.InvariantCulture).ShouldBe(account.Stats[window].Actions[action]);
            }

            stats.GetProperty("users").GetProperty(window).GetProperty("all").GetInt32().ShouldBe(account.Stats[window].Users);
        }

        stats.GetProperty("last_activity").GetInt64().ShouldBe(account.LastActivity.ToUnixTimeMilliseconds());
    }

    [Fact]
    public void ToJson_LegacyShape_CarriesTheSameCounts()
    {
        var account = SampleData.Generate(10, 1)[0];
        using var doc = JsonDocument.Parse(SampleData.ToJson(account, ReturnType.Stats, SampleShape.Scripted with { Activities = ActivityShape.Legacy }));
        var stats = doc.RootElement.GetProperty("stats");

        stats.TryGetProperty("activities", out _).ShouldBeFalse();
        foreach (var window in SampleData.Windows)
        {
            var list = stats.GetProperty(window).GetProperty("activities").EnumerateArray()
                .ToDictionary(e => e.GetProperty("name").GetString()!, e => e.GetProperty("current").GetInt32());
            list.ShouldBe(account.Stats[window].Actions.ToDictionary());
        }
    }

    [Fact]
    public void ToJson_ScriptsShape_ListsTheSameCountsUnderStatsActivities()
    {
        var account = SampleData.Generate(10, 1)[0];
        using var doc = JsonDocument.Parse(SampleData.ToJson(account, ReturnType.Stats, SampleShape.Scripted with { Activities = ActivityShape.Scripts }));
        var stats = doc.RootElement.GetProperty("stats");

        foreach (var window in SampleData.Windows)
        {
            var block = stats.GetProperty("activities").GetProperty(window);
            block.TryGetProperty("actions", out _).ShouldBeFalse();
            var list = block.GetProperty("activities").EnumerateArray()
                .ToDictionary(e => e.GetProperty("name").GetString()!, e => e.GetProperty("current").GetInt32());
            list.ShouldBe(account.Stats[window].Actions.ToDictionary());
        }

        doc.RootElement.GetProperty("frequency").GetProperty("current").GetDouble().ShouldBe(account.Stats["past_30d"].VisitFrequency);
    }

    [Fact]
    public void ToJson_PageShape_HasOnlyThePagesWindowsAndNoFrequency()
    {
        var account = SampleData.Generate(10, 1)[0];
        using var doc = JsonDocument.Parse(SampleData.ToJson(account, ReturnType.Stats, SampleShape.Page));
        var stats = doc.RootElement.GetProperty("stats");

        string[] pageWindows = ["realtime_today", "past_1d", "past_3d", "past_14d", "past_30d", "past_90d"];
        stats.GetProperty("activities").EnumerateObject().Select(p => p.Name).ShouldBe(pageWindows);
        stats.GetProperty("users").EnumerateObject().Select(p => p.Name).ShouldBe(pageWindows);
        stats.EnumerateObject().Select(p => p.Name).ShouldBe(["users", "activities", "last_activity", "first_activity"]);
        doc.RootElement.TryGetProperty("frequency", out _).ShouldBeFalse();
    }

    [Fact]
    public void ToJson_ReturnAll_CarriesStatsUsersAndLifecycleTogether()
    {
        var account = SampleData.Generate(10, 1)[2];
        using var doc = JsonDocument.Parse(SampleData.ToJson(account, ReturnType.All));

        doc.RootElement.GetProperty("stats").GetProperty("last_activity").GetInt64().ShouldBe(account.LastActivity.ToUnixTimeMilliseconds());
        doc.RootElement.GetProperty("users").GetArrayLength().ShouldBe(account.Users.Count);
        doc.RootElement.GetProperty("lifecycle").GetProperty("current").GetString().ShouldBe(account.Lifecycle[^1].Status);
    }

    [Fact]
    public void ToJson_AttributesAndEngagement_AsTheVendorPageShowsThem()
    {
        var account = SampleData.Generate(10, 1)[5];
        using var doc = JsonDocument.Parse(SampleData.ToJson(account, ReturnType.Summary));
        var root = doc.RootElement;

        root.GetProperty("name").GetString().ShouldBe("=cmd|' /C calc'!A0");
        root.GetProperty("attributes").GetProperty("Licenses").GetString().ShouldBe(account.Licenses.ToString(CultureInfo.InvariantCulture));
        root.GetProperty("attributes").GetProperty("Renewal-Date").GetString().ShouldBe(account.RenewalDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        root.GetProperty("attributes").GetProperty("Plan Type").GetString().ShouldBe(account.PlanType);
        root.GetProperty("engagement").GetProperty("health").GetProperty("current").GetString().ShouldBe(account.Health);
        root.GetProperty("engagement").GetProperty("score").GetProperty("current").GetDouble().ShouldBe(account.Score);
        root.TryGetProperty("stats", out _).ShouldBeFalse();
    }

    [Fact]
    public void ToJson_UsersAndLifecycle_MatchTheTypedData()
    {
        var account = SampleData.Generate(50, 1).First(a => a.Users.Count > 1 && a.Status == "Paying");
        using var users = JsonDocument.Parse(SampleData.ToJson(account, ReturnType.Users));
        using var lifecycle = JsonDocument.Parse(SampleData.ToJson(account, ReturnType.Lifecycle));

        users.RootElement.GetProperty("users").EnumerateArray().Select(u => u.GetProperty("name").GetString())
            .ShouldBe(account.Users.Select(u => u.Name));
        var life = lifecycle.RootElement.GetProperty("lifecycle");
        life.GetProperty("current").GetString().ShouldBe("Paying");
        life.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("status").GetString())
            .ShouldBe(["Signup", "Integrating", "Trial", "Activated"]);
    }
}
