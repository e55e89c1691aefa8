namespace TotangoReports.Sample;

/// <summary>Usage of one account in one window (e.g. <c>past_30d</c>).</summary>
/// <param name="Users">Distinct active users (<c>stats.users.&lt;w&gt;.all</c>).</param>
/// <param name="UserModules">Active users per module.</param>
/// <param name="Actions">Count per activity name; <see cref="ActivitiesAll"/> is their sum.</param>
/// <param name="ActivityModules">Activity count per module.</param>
public sealed record SampleWindowStats(
    int Users,
    IReadOnlyDictionary<string, int> UserModules,
    IReadOnlyDictionary<string, int> Actions,
    IReadOnlyDictionary<string, int> ActivityModules)
{
    public int ActivitiesAll => Actions.Values.Sum();

    /// <summary>
    /// Visit frequency (the 30-day one is served at the top level, <c>frequency.current</c>, where the vendor's
    /// accountsEngagement.php reads it):
    /// activities per active user, in tens, one decimal — derived, so tests can recompute it.
    /// </summary>
    public double VisitFrequency => Math.Round(ActivitiesAll / (double)Math.Max(1, Users) / 10d, 1, MidpointRounding.AwayFromZero);
}
