namespace TotangoReports.Sample.Internal;

/// <summary>
/// How the sample accounts move with time, week by week: the one drift both <c>run --sample</c>'s 12-week history and
/// <c>emulator --as-of</c> serve. A week offset of 0 is the account exactly as generated (the emulator's default bytes
/// stay what they were); other offsets walk each account's score a few points a week (with a per-account lean up or
/// down; on the whole slightly up, so the sample shows an improving quarter), recompute health from it, scale users and activities with it, and let a few accounts enter the lists (absent
/// before a week of their own) or leave them (extra accounts present only until a week of their own).
/// Everything is a function of (seed, index, week): the same arguments always give the same account.
/// </summary>
internal static class SampleDrift
{
    /// <summary>One account in this many entered the lists within the last 10 weeks.</summary>
    private const int EnterEvery = 25;

    /// <summary>Accounts that left: one per this many accounts, indexes after the current ones.</summary>
    private const int LeaverEvery = 50;

    /// <summary>Account indexes a list may hold at <paramref name="weeks"/>: the current ones, plus those that had left by now.</summary>
    public static int IndexLimit(int accounts, int weeks) => weeks == 0 ? accounts : accounts + Leavers(accounts);

    /// <summary>Whether account <paramref name="index"/> is on the lists <paramref name="weeks"/> from the anchor (negative = past).</summary>
    public static bool Present(int seed, int index, int accounts, int weeks)
    {
        if (index < accounts)
        {
            // A newcomer is absent before the week it entered (0..9 weeks ago; 0 = this week, absent a week ago).
            return !Enters(seed, index, out var entered) || weeks >= -entered;
        }

        // A leaver was there until it left (0..9 weeks ago; 0 = this week, there a week ago), and is gone from then on.
        return index < accounts + Leavers(accounts) && weeks < -Weeks(seed, index);
    }

    /// <summary>The account as it was (or will be) <paramref name="weeks"/> from the anchor; 0 = unchanged.</summary>
    public static SampleAccount Apply(SampleAccount account, int seed, int weeks)
    {
        if (weeks == 0)
        {
            return account;
        }

        var score = Math.Clamp(Math.Round(account.Score + Walk(seed, account.Index, weeks)), 0, 100);
        var health = score >= 70 ? "Good" : score >= 40 ? "Average" : "Poor";
        var factor = Math.Clamp(1 + ((score - account.Score) / 60.0) + Noise(seed, account.Index, weeks, 0.08), 0.2, 3);
        var stats = account.Stats.ToDictionary(s => s.Key, s => Scale(s.Value, factor), StringComparer.Ordinal);
        return account with
        {
            Score = score,
            ScoreChange = score - Math.Clamp(Math.Round(account.Score + Walk(seed, account.Index, weeks - 1)), 0, 100),
            Health = health,
            Stats = stats,
        };
    }

    private static int Leavers(int accounts) => accounts == 0 ? 0 : Math.Max(1, accounts / LeaverEvery);

    private static bool Enters(int seed, int index, out int weeks)
    {
        var rng = new SamplePrng(seed ^ 0x5EED, index);
        weeks = rng.Next(0, 10);
        return rng.Next(0, EnterEvery) == 0;
    }

    private static int Weeks(int seed, int index) => new SamplePrng(seed ^ 0x1EAF, index).Next(0, 10);

    /// <summary>The score's walk from the anchor to <paramref name="weeks"/>: a lean per account plus a step per week.</summary>
    private static double Walk(int seed, int index, int weeks)
    {
        var lean = new SamplePrng(seed ^ 0x7EAD, index).Range(-1.2, 1.8);
        var total = 0d;
        var (from, to, sign) = weeks < 0 ? (weeks + 1, 0, -1) : (1, weeks, 1);
        for (var w = from; w <= to; w++)
        {
            // Going back undoes the steps taken since; going forward takes new ones.
            total += sign * (lean + Noise(seed, index, w, 4));
        }

        return total;
    }

    private static double Noise(int seed, int index, int week, double size) =>
        new SamplePrng(seed ^ (week * 7919), index).Range(-size, size);

    private static SampleWindowStats Scale(SampleWindowStats stats, double factor)
    {
        static Dictionary<string, int> Times(IReadOnlyDictionary<string, int> counts, double f) =>
            counts.ToDictionary(c => c.Key, c => (int)Math.Round(c.Value * f), StringComparer.Ordinal);

        return new SampleWindowStats((int)Math.Round(stats.Users * factor), Times(stats.UserModules, factor), Times(stats.Actions, factor), Times(stats.ActivityModules, factor));
    }
}
