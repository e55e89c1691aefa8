namespace TotangoReports.Sample.Internal;

/// <summary>Builds account number <c>index</c> of the set with seed <c>seed</c>, independently of every other account.</summary>
internal static class SampleAccountFactory
{
    private static readonly string[] SpecialNames =
    [
        "Barksdale Industries",
        "Café Müller GmbH",
        "חברת אלפא",
        "株式会社テスト",
        "\"Smith, Jones\" & Co",
        "=cmd|' /C calc'!A0",
        "+1 Corp",
        "@home",
        "-Minus Ventures",
        "Zoë's Émigré Café, S.A.",
    ];

    private static readonly string[] NameFirst =
    [
        "Acme", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Hooli", "Vandelay", "Wonka", "Tyrell", "Cyberdyne",
        "Soylent", "Aperture", "Massive", "Nakatomi", "Oscorp", "Pied Piper", "Gringotts", "Monarch", "Nordlicht",
        "Sakura", "Andes", "Baobab", "Kestrel", "Lumen", "Quanta", "Riverbend", "Saffron", "Tundra", "Zenith",
    ];

    private static readonly string[] NameSecond =
    [
        "Analytics", "Logistics", "Health", "Foods", "Robotics", "Capital", "Media", "Energy", "Labs", "Systems",
        "Retail", "Bio", "Freight", "Studios", "Networks", "Textiles", "Pharma", "Mining", "Travel", "Software",
    ];

    private static readonly string[] NameSuffix = ["Inc", "Ltd", "GmbH", "SA", "BV", "Pty Ltd", "LLC", "AG", "KK", "SAS"];

    private static readonly string[] Regions = ["EMEA", "NA", "APAC", "LATAM"];
    private static readonly double[] RegionWeights = [0.35, 0.40, 0.15, 0.10];
    private static readonly string[] Plans = ["Starter", "Pro", "Enterprise"];
    private static readonly double[] PlanWeights = [0.40, 0.45, 0.15];
    private static readonly string[] Statuses = ["Trial", "Activated", "Paying", "Churned"];
    private static readonly double[] StatusWeights = [0.15, 0.20, 0.50, 0.15];
    private static readonly string[] Healths = ["Good", "Average", "Poor"];

    private static readonly string[] PoorReasons = ["Less than 10% license utilization", "No logins in the past 14 days", "Usage dropped by more than 50%"];
    private static readonly string[] AverageReasons = ["Usage declining week over week", "Only one module in use"];
    private static readonly string[] GoodReasons = ["Healthy usage across modules", "Strong license utilization"];

    /// <summary>Days each window adds beyond the previous one (realtime_today counts half a day).</summary>
    private static readonly double[] SegmentDays = [0.5, 0.5, 2, 4, 7, 16, 60];

    /// <summary>Share of the active users seen in each window.</summary>
    private static readonly double[] UserShare = [0.15, 0.25, 0.45, 0.6, 0.75, 0.9, 1.0];

    /// <summary>Daily count per 20 licenses for each action at full engagement.</summary>
    private static readonly double[] ActionRates = [3, 2, 1, 5, 0.5];

    /// <param name="epoch">The sample's "now": every time is placed relative to it. Default <see cref="SampleData.Epoch"/>.</param>
    public static SampleAccount Create(int seed, int index, DateTimeOffset? epoch = null)
    {
        var rng = new SamplePrng(seed, index);
        var now = epoch ?? SampleData.Epoch;
        var name = index < SpecialNames.Length
            ? SpecialNames[index]
            : $"{rng.Pick(NameFirst)} {rng.Pick(NameSecond)} {rng.Pick(NameSuffix)}";
        var status = Weighted(ref rng, Statuses, StatusWeights);
        var plan = Weighted(ref rng, Plans, PlanWeights);
        var licenses = plan switch
        {
            "Starter" => rng.Next(5, 26),
            "Pro" => rng.Next(20, 101),
            _ => rng.Next(100, 1001),
        };
        var score = Math.Round(status switch
        {
            "Paying" => rng.Range(45, 100),
            "Activated" => rng.Range(30, 90),
            "Trial" => rng.Range(15, 80),
            _ => rng.Range(0, 25),
        });
        var change = Math.Round(rng.Range(-30, 30));
        var health = score >= 70 ? "Good" : score >= 40 ? "Average" : "Poor";
        var reason = rng.Pick(health switch { "Good" => GoodReasons, "Average" => AverageReasons, _ => PoorReasons });

        var lifecycle = Lifecycle(ref rng, status, now);
        var signup = lifecycle[0].Changed;
        DateTimeOffset? left = status == "Churned" ? lifecycle[^1].Changed : null;

        var level = status switch { "Paying" => 1.0, "Activated" => 0.7, "Trial" => 0.5, _ => 0.02 }
            * rng.Range(0.3, 1.5) * (0.3 + (score / 100.0));
        var stats = Stats(ref rng, level, licenses);
        var lastActivity = left is { } churned
            ? churned + TimeSpan.FromDays(rng.Range(0, 5))
            : stats[SampleData.Windows[1]].ActivitiesAll > 0 ? now - TimeSpan.FromHours(rng.Range(0, 24)) : now - TimeSpan.FromDays(rng.Range(2, 60));
        if (lastActivity > now)
        {
            lastActivity = now;
        }

        var firstActivity = signup + TimeSpan.FromDays(rng.Range(0, 3));
        if (firstActivity > lastActivity)
        {
            firstActivity = lastActivity;
        }

        var accountId = "a" + (10000 + index).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new SampleAccount
        {
            Index = index,
            AccountId = accountId,
            Name = name,
            Status = status,
            StatusChanged = lifecycle[^1].Changed,
            ForeignId = rng.Chance(0.6) ? "CRM-" + rng.Next(100000, 999999).ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
            SalesforceId = rng.Chance(0.5) ? "0015g0000" + rng.Next(100000, 999999).ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
            Score = score,
            ScoreChange = change,
            Health = health,
            HealthPrevious = rng.Pick(Healths),
            HealthReason = reason,
            HealthLastChanged = Ms(now - TimeSpan.FromDays(rng.Range(1, 120))),
            Region = Weighted(ref rng, Regions, RegionWeights),
            Plan = plan,
            PlanType = plan == "Enterprise" || rng.Chance(0.3) ? "Sales-led" : "Self-serve",
            RenewalDate = DateOnly.FromDateTime(now.UtcDateTime).AddDays(rng.Next(-30, 366)),
            Licenses = licenses,
            Stats = stats,
            CountsAsStrings = index % 5 == 3,
            FirstActivity = Ms(firstActivity),
            LastActivity = Ms(lastActivity),
            Users = Users(ref rng, accountId, stats[SampleData.Windows[^1]].Users, firstActivity, lastActivity),
            Lifecycle = lifecycle,
            EnteredListAt = signup,
            LeftListAt = left,
        };
    }

    private static string Weighted(ref SamplePrng rng, string[] items, double[] weights)
    {
        var roll = rng.NextDouble();
        for (var i = 0; i < items.Length; i++)
        {
            roll -= weights[i];
            if (roll < 0)
            {
                return items[i];
            }
        }

        return items[^1];
    }

    /// <summary>Whole milliseconds: the API's resolution, so typed values and JSON round-trip exactly.</summary>
    private static DateTimeOffset Ms(DateTimeOffset value) =>
        DateTimeOffset.FromUnixTimeMilliseconds(value.ToUnixTimeMilliseconds());

    private static List<SampleStatusChange> Lifecycle(ref SamplePrng rng, string status, DateTimeOffset epoch)
    {
        List<string> path = status switch
        {
            "Trial" => ["Signup", "Integrating", "Trial"],
            "Activated" => ["Signup", "Integrating", "Trial", "Activated"],
            "Paying" => ["Signup", "Integrating", "Trial", "Activated", "Paying"],
            _ => ["Signup", "Integrating", "Trial", "Activated", "Paying", "Churned"],
        };
        // Trials are young: a few signed up within the last week, so a first delta run (a 7-day window) finds accounts.
        var signup = epoch - TimeSpan.FromDays(status == "Trial" ? rng.Range(2, 45) : rng.Range(20, 900));
        var span = (epoch - TimeSpan.FromDays(1)) - signup;
        var fractions = new double[path.Count - 1];
        for (var i = 0; i < fractions.Length; i++)
        {
            fractions[i] = rng.NextDouble();
        }

        Array.Sort(fractions);
        var history = new List<SampleStatusChange>(path.Count) { new(path[0], Ms(signup)) };
        for (var i = 1; i < path.Count; i++)
        {
            history.Add(new SampleStatusChange(path[i], Ms(signup + (span * fractions[i - 1]))));
        }

        return history;
    }

    private static Dictionary<string, SampleWindowStats> Stats(ref SamplePrng rng, double level, int licenses)
    {
        var actions = SampleData.Actions;
        var counts = new long[actions.Count];
        var activeShare = Math.Clamp(level * rng.Range(0.3, 0.9), 0, 1);
        var result = new Dictionary<string, SampleWindowStats>(StringComparer.Ordinal);
        for (var w = 0; w < SampleData.Windows.Count; w++)
        {
            var byAction = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var a = 0; a < actions.Count; a++)
            {
                var rate = ActionRates[a] * level * licenses / 20.0;
                counts[a] += (long)Math.Floor(rate * SegmentDays[w] * rng.Range(0.6, 1.4));
                byAction[actions[a]] = (int)Math.Min(counts[a], int.MaxValue);
            }

            var total = byAction.Values.Sum();
            var users = total == 0 ? 0 : Math.Max(1, (int)Math.Ceiling(licenses * activeShare * UserShare[w]));
            var activityModules = new Dictionary<string, int>(StringComparer.Ordinal)
            {
                ["task-management"] = byAction["create-task"] + byAction["delegate-task"],
                ["reporting"] = byAction["report-complete"] + byAction["export-report"],
                ["administration"] = byAction["login"],
            };
            var userModules = new Dictionary<string, int>(StringComparer.Ordinal)
            {
                ["task-management"] = activityModules["task-management"] == 0 ? 0 : (int)Math.Ceiling(users * 0.8),
                ["reporting"] = activityModules["reporting"] == 0 ? 0 : (int)Math.Ceiling(users * 0.4),
                ["administration"] = activityModules["administration"] == 0 ? 0 : Math.Min(users, 1 + (users / 10)),
            };
            result[SampleData.Windows[w]] = new SampleWindowStats(users, userModules, byAction, activityModules);
        }

        return result;
    }

    private static List<SampleUser> Users(ref SamplePrng rng, string accountId, int activeUsers, DateTimeOffset first, DateTimeOffset last)
    {
        var count = Math.Min(activeUsers, 12);
        var users = new List<SampleUser>(count);
        var span = last - first;
        for (var i = 0; i < count; i++)
        {
            var firstUsage = first + (span * rng.NextDouble() * 0.5);
            var lastUsage = firstUsage + ((last - firstUsage) * rng.Range(0.5, 1));
            users.Add(new SampleUser(
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"user{i + 1}@{accountId}.example.com"),
                Ms(firstUsage),
                Ms(lastUsage)));
        }

        return users;
    }
}
