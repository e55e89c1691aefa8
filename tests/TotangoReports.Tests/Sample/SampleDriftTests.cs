using TotangoReports.Sample.Internal;

namespace TotangoReports.Tests.Sample;

/// <summary>The sample's drift through time: none at week 0, deterministic, a few points a week, some accounts entering and leaving.</summary>
public sealed class SampleDriftTests
{
    [Fact]
    public void WeekZero_IsTheAccountAsGenerated()
    {
        var account = SampleAccountFactory.Create(1, 42);

        SampleDrift.Apply(account, 1, 0).ShouldBeSameAs(account);
        SampleDrift.IndexLimit(700, 0).ShouldBe(700);
        Enumerable.Range(0, 700).ShouldAllBe(i => SampleDrift.Present(1, i, 700, 0));
    }

    [Fact]
    public void Drift_IsDeterministic_AndMovesScoresAFewPointsAWeek_WithHealthFollowing()
    {
        var steps = new List<double>();
        for (var i = 0; i < 200; i++)
        {
            var account = SampleAccountFactory.Create(1, i);
            var a = SampleDrift.Apply(account, 1, -3);
            var b = SampleDrift.Apply(SampleAccountFactory.Create(1, i), 1, -3);
            a.Score.ShouldBe(b.Score);
            a.Stats["past_30d"].Users.ShouldBe(b.Stats["past_30d"].Users);
            a.Health.ShouldBe(a.Score >= 70 ? "Good" : a.Score >= 40 ? "Average" : "Poor");
            steps.Add(Math.Abs(SampleDrift.Apply(account, 1, -1).Score - account.Score));
        }

        steps.Max().ShouldBeLessThanOrEqualTo(7);
        steps.Count(s => s > 0).ShouldBeGreaterThan(100, "most accounts move week to week");
    }

    [Fact]
    public void SomeAccountsEnter_AndSomeLeave_OverTwelveWeeks()
    {
        var entered = Enumerable.Range(0, 700).Count(i => !SampleDrift.Present(1, i, 700, -12));
        var leavers = Enumerable.Range(700, SampleDrift.IndexLimit(700, -12) - 700).Count(i => SampleDrift.Present(1, i, 700, -12));

        entered.ShouldBeInRange(10, 60);
        leavers.ShouldBeInRange(5, 14);
        Enumerable.Range(700, 14).ShouldAllBe(i => !SampleDrift.Present(1, i, 700, 0));
    }
}
