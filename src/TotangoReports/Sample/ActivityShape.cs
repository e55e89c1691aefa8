namespace TotangoReports.Sample;

/// <summary>The two shapes in which the API has been seen to send activity counts (totango-data-api.md).</summary>
public enum ActivityShape
{
    /// <summary>The vendor page: <c>stats.activities.&lt;window&gt;.{all, actions{name: count}, modules}</c>.</summary>
    Actions,

    /// <summary>What the vendor's PHP scripts read: <c>stats.&lt;window&gt;.activities: [{name, current}]</c>.</summary>
    Legacy,
}
