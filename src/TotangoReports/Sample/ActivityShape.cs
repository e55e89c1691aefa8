namespace TotangoReports.Sample;

/// <summary>The shapes in which activity counts are known to arrive (totango-data-api.md); all read the same.</summary>
public enum ActivityShape
{
    /// <summary>The vendor page: <c>stats.activities.&lt;window&gt;.{all, actions{name: count}, modules}</c>.</summary>
    Actions,

    /// <summary>
    /// What the vendor's accountsRecentActivity.php reads: <c>stats.activities.&lt;window&gt;.activities = [{name, current}]</c>
    /// (with <c>all</c> and <c>modules</c> beside it, as on the page).
    /// </summary>
    Scripts,

    /// <summary>
    /// <c>stats.&lt;window&gt;.activities = [{name, current}]</c>: what an earlier version of the contract wrongly said
    /// the scripts read. No known server sends it; kept because snapshots taken against the old emulator carry it.
    /// </summary>
    Legacy,
}
