using System.Globalization;
using Scriban.Runtime;
using TotangoReports.Data;
using TotangoReports.Data.Internal;
using TotangoReports.Definition;
using TotangoReports.Definition.Internal;
using TotangoReports.Delivery;

namespace TotangoReports.Runs;

/// <summary>
/// <c>checks:</c> (PRODUCT.md §2, §4b): each expression, through the expression engine of filters and KPIs, sees
/// <c>rows.&lt;dataset&gt;</c> (this run's rows), <c>previous_rows.&lt;dataset&gt;</c> (the last delivered run's, or null)
/// and <c>kpis["Label"]</c> (the summary's values). One that is not true holds the run before anything is rendered,
/// written or mailed (exit 7), naming the check and its values; <see cref="RunOptions.Force"/> delivers anyway with a
/// warning.
/// </summary>
internal static class ChecksStage
{
    /// <param name="previousRows">The last delivered run's rows per dataset; null when there is none (or no store).</param>
    public static void Run(Report report, IReadOnlyDictionary<string, int>? previousRows, bool force, RunNotes notes)
    {
        var checks = report.Definition.Checks;
        if (checks.Count == 0)
        {
            return;
        }

        var rows = new ScriptObject();
        var previous = new ScriptObject();
        foreach (var table in report.Datasets)
        {
            rows[table.Name] = table.Rows.Count;
            previous[table.Name] = previousRows is not null && previousRows.TryGetValue(table.Name, out var count) ? count : null;
        }

        var kpis = new ScriptObject();
        foreach (var kpi in report.Summary.Kpis)
        {
            kpis[kpi.Label] = kpi.Value;
        }

        var host = new ExpressionHost(new DatasetBuilderOptions(), report.Parameters, [], AccountChains.Collect([]), (report.GeneratedAt, report.TimeZone));
        host.SetGlobal("rows", rows);
        host.SetGlobal("previous_rows", previous);
        host.SetGlobal("kpis", kpis);
        var failed = new List<string>();
        foreach (var check in checks)
        {
            var expression = CompiledExpression.Compile(check.Expression);
            var holds = host.TryEvaluate(expression, out var value, out var error) && value is bool b && b;
            if (!holds)
            {
                var values = Values(check.Expression, rows, previous, kpis);
                failed.Add($"{check.Location}: check '{check.Expression}' failed: {(error is not null ? error : values)}");
            }
        }

        if (failed.Count == 0)
        {
            return;
        }

        if (force)
        {
            foreach (var line in failed)
            {
                notes.Warn(line + "; delivered anyway (--force)");
            }

            return;
        }

        throw new ReportHeldException($"held: {string.Join("; ", failed)}. Nothing was delivered; the previous files are kept (--force delivers anyway).", failed);
    }

    /// <summary>Each name the check reads, with its value: <c>rows.accounts = 0, previous_rows.accounts = null</c>.</summary>
    private static string Values(string text, ScriptObject rows, ScriptObject previous, ScriptObject kpis)
    {
        var parts = new List<string>();
        foreach (System.Text.RegularExpressions.Match match in ChecksBinder.DatasetName().Matches(text))
        {
            var source = match.Value.StartsWith("previous_rows", StringComparison.Ordinal) ? previous : rows;
            parts.Add($"{match.Value} = {Show(source[match.Groups["name"].Value])}");
        }

        foreach (System.Text.RegularExpressions.Match match in ChecksBinder.KpiLabel().Matches(text))
        {
            parts.Add($"{match.Value} = {Show(kpis[match.Groups["name"].Value])}");
        }

        return parts.Count == 0 ? "it is false" : string.Join(", ", parts.Distinct(StringComparer.Ordinal));
    }

    private static string Show(object? value) => value switch
    {
        null => "null",
        double d => d.ToString("0.####", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "null",
    };
}
