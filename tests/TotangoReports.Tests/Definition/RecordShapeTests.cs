using TotangoReports.Definition;

namespace TotangoReports.Tests.Definition;

public sealed class RecordShapeTests
{
    [Theory]
    [InlineData("account_id")]
    [InlineData("SF_id")]
    [InlineData("status.changed")]
    [InlineData("engagement.health.last_changed")]
    [InlineData("attributes.Renewal-Date")]
    [InlineData("attributes[\"Plan Type\"].anything.below")]
    [InlineData("stats.users.realtime_today.modules.Reports")]
    [InlineData("stats.activities.past_90d.actions.create-task")]
    [InlineData("stats.past_7d.activities[0].current")]
    [InlineData("stats.past_30d.frequency.current")]
    [InlineData("stats.activities.past_7d.activities[0].name")]
    [InlineData("stats.activities.past_30d.activities[2].current")]
    [InlineData("stats.users.past_60d.all")]
    [InlineData("stats.activities.past_180d.actions.login")]
    [InlineData("frequency.current")]
    [InlineData("users")]
    [InlineData("users[3].last_usage")]
    [InlineData("lifecycle.history[0].status")]
    public void IsKnown_AcceptsPathsOfTheDocumentedRecord(string text)
    {
        RecordShape.IsKnown(RecordPath.Parse(text), out var problem, out _).ShouldBeTrue(problem);
    }

    [Theory]
    [InlineData("engagment.score", 0, "did you mean 'engagement'?")]
    [InlineData("stats.users.past_30d.al", 3, "did you mean 'all'?")]
    [InlineData("stats.activities.yesterday", 2, "known keys: realtime_today")]
    [InlineData("engagement[0]", 1, "can't be indexed")]
    [InlineData("lifecycle.history.status", 2, "is a list")]
    [InlineData("account_id.x", 1, "single value")]
    [InlineData("stats.activities.past_30days.all", 2, "did you mean 'past_30d'?")]
    [InlineData("frequency.currnet", 1, "did you mean 'current'?")]
    public void IsKnown_RefusesPathsThatCanNeverExist(string text, int segment, string hint)
    {
        var known = RecordShape.IsKnown(RecordPath.Parse(text), out var problem, out var segmentIndex);

        known.ShouldBeFalse();
        segmentIndex.ShouldBe(segment);
        problem.ShouldNotBeNull().ShouldContain(hint);
    }

    [Theory]
    [InlineData("stats.last_activity", ReturnType.Stats)]
    [InlineData("frequency.current", ReturnType.Stats)]
    [InlineData("users[0].name", ReturnType.Users)]
    [InlineData("lifecycle.current", ReturnType.Lifecycle)]
    [InlineData("engagement.score.current", ReturnType.Summary)]
    [InlineData("attributes.stats", ReturnType.Summary)]
    public void RequiredReturnType_FollowsTheFirstKey(string text, ReturnType expected)
    {
        RecordShape.RequiredReturnType(RecordPath.Parse(text)).ShouldBe(expected);
    }
}
