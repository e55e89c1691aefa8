using System.Globalization;

namespace TotangoReports.Sample.Internal;

/// <summary>One timeline event of a sample account (what <c>/api/v2/events/search</c> returns).</summary>
/// <param name="Type"><c>note</c> (a touchpoint), <c>campaign_touch</c> or <c>alert</c> (a health change).</param>
internal sealed record SampleEvent(string Id, DateTimeOffset Timestamp, string Type, string Subject, string? Text, string? TouchpointType);

/// <summary>
/// The timeline of each sample account, derived from the account alone (its own random stream), so the lists, the
/// Search API and the emulator agree: healthy accounts were touched recently and often, poor ones long ago and
/// seldom (the "last contact" an at-risk report looks for), and a health change is an alert.
/// </summary>
internal static class SampleEvents
{
    private static readonly string[] Subjects = ["Quarterly business review", "Onboarding check-in", "Renewal call", "Support escalation follow-up", "Feature walkthrough", "Executive sponsor sync"];

    private static readonly string[] TouchpointTypes = ["Call", "Meeting", "Email"];

    private static readonly string[] Campaigns = ["Product newsletter", "Webinar invitation", "Adoption tips", "Renewal reminder"];

    // Far from the account streams (0..accounts) so an account's timeline never repeats another account's draws.
    private const int StreamOffset = 1 << 30;

    public static IReadOnlyList<SampleEvent> For(SampleAccount account, int seed, DateTimeOffset epoch)
    {
        var rng = new SamplePrng(seed, StreamOffset + account.Index);
        var (touches, oldest, newest) = account.Health switch
        {
            "Good" => (rng.Next(3, 9), 90.0, 0.0),
            "Average" => (rng.Next(1, 6), 120.0, 3.0),
            _ => (rng.Next(0, 4), 180.0, 20.0),
        };
        var events = new List<SampleEvent>(touches + 3);
        for (var i = 0; i < touches; i++)
        {
            var at = epoch.AddDays(-rng.Range(newest, oldest)).AddMinutes(-rng.Next(0, 600));
            var subject = rng.Pick(Subjects);
            events.Add(new SampleEvent(Id(account, events.Count), Truncate(at), "note", subject, $"{subject} with {account.Name}", rng.Pick(TouchpointTypes)));
        }

        var campaigns = rng.Next(0, 3);
        for (var i = 0; i < campaigns; i++)
        {
            var at = epoch.AddDays(-rng.Range(1, 60));
            events.Add(new SampleEvent(Id(account, events.Count), Truncate(at), "campaign_touch", rng.Pick(Campaigns), null, null));
        }

        if (account.HealthPrevious != account.Health && account.HealthLastChanged <= epoch)
        {
            events.Add(new SampleEvent(Id(account, events.Count), Truncate(account.HealthLastChanged), "alert", $"Health changed from {account.HealthPrevious} to {account.Health}", null, null));
        }

        return events;
    }

    private static string Id(SampleAccount account, int i) => string.Create(CultureInfo.InvariantCulture, $"{account.AccountId}-e{i + 1}");

    // The API speaks milliseconds; keep the sample's times whole milliseconds so they round-trip exactly.
    private static DateTimeOffset Truncate(DateTimeOffset at) => DateTimeOffset.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds());
}
