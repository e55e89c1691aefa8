namespace TotangoReports.Data.Internal;

/// <summary>
/// Everything kept of one account once its records are projected: typed path cells, pivot counts, the record parts
/// expressions read, users and status history, and the facts every report shows. The raw JSON is not kept.
/// </summary>
internal sealed class ProjectedAccount(string id, int pathColumns)
{
    public string Id { get; } = id;

    public string? Name { get; set; }

    public double? Score { get; set; }

    public string? Health { get; set; }

    /// <summary>Aligned with the dataset's path columns.</summary>
    public object?[] Cells { get; } = pathColumns == 0 ? [] : new object?[pathColumns];

    /// <summary>Aligned with <see cref="AccountChains.Chains"/> (or one slot for the whole record); null when no expression reads <c>account</c>.</summary>
    public object?[]? Leaves { get; set; }

    public ActivityCounts? Activities { get; set; }

    /// <summary>Per known window (NaN = absent), see <see cref="WindowTotals"/>.</summary>
    public double[]? Totals { get; set; }

    public UserEntry[]? Users { get; set; }

    /// <summary>Status changes in time order, the current status last.</summary>
    public StatusEntry[]? Lifecycle { get; set; }
}

/// <param name="FirstUsage">Unix milliseconds.</param>
/// <param name="LastUsage">Unix milliseconds.</param>
internal readonly record struct UserEntry(string Name, long? FirstUsage, long? LastUsage);

/// <param name="Changed">Unix milliseconds.</param>
internal readonly record struct StatusEntry(string Status, long? Changed);
