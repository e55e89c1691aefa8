using TotangoReports.Definition;

namespace TotangoReports.Runs;

/// <summary>
/// PRODUCT.md §4: the <c>since: last-run</c> watermark moves only after a run that did the definition's whole job.
/// A demo, a preview or a partial run that moved it would make the next live run skip every account that entered
/// the list in between, silently.
/// </summary>
internal static class WatermarkPolicy
{
    /// <param name="rendered">The outputs this run rendered (after <c>--format</c>).</param>
    /// <param name="mailed">Whether this run sends (has sent) the definition's mail.</param>
    /// <param name="complete">Whether every dataset was read whole.</param>
    /// <returns>Null when the watermark may move; otherwise why it stays, as a user reads it.</returns>
    public static string? WhyItStays(ReportDefinition definition, RunRequest request, IReadOnlyList<OutputDefinition> rendered, bool mailed, bool complete)
    {
        if (request.Source == DataSourceKind.Sample)
        {
            return "this was a --sample run";
        }

        if (request.Source == DataSourceKind.Snapshot)
        {
            return "this run rendered a snapshot (--snapshot), not live data";
        }

        if (request.AsOf is not null)
        {
            return "--as-of pinned the run's time";
        }

        if (!complete)
        {
            return "a dataset was not read whole (--allow-partial)";
        }

        if (rendered.Count < definition.Outputs.Count)
        {
            return "--format rendered only some of the outputs";
        }

        if (definition.Delivery?.Email is not null && !mailed)
        {
            return request.NoEmail ? "--no-email: the mail was not sent" : "the mail was not sent";
        }

        return null;
    }

    /// <summary>The line printed (and kept in <c>run.json</c>) when the watermark stays.</summary>
    public static string Message(string reason) =>
        $"the since: last-run watermark was left where it was: {reason}; only a live run that renders every output and sends the mail moves it";
}
