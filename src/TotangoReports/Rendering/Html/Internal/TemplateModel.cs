using System.Globalization;
using Scriban.Runtime;
using TotangoReports.Data;
using TotangoReports.Definition;
using TotangoReports.Rendering.Charts;
using TotangoReports.Rendering.Formatting;

namespace TotangoReports.Rendering.Html.Internal;

/// <summary>
/// Builds the variables a template sees (<c>report</c>, <c>dataset</c>, <c>datasets</c>, <c>charts</c>) from the
/// report, as ScriptObject/ScriptArray/primitive values only: there is no CLR object for a template to poke at.
/// </summary>
internal static class TemplateModel
{
    /// <param name="rowLimit">The output's <c>rows:</c>: each dataset's <c>rows</c> holds the first N, <c>more_rows</c> the rest's count.</param>
    public static ScriptObject Build(Report report, DatasetTable? primary, HtmlRendererOptions options, int? rowLimit = null)
    {
        var zone = report.TimeZone;
        var datasets = new ScriptArray(report.Datasets.Count);
        ScriptObject? primaryModel = null;
        foreach (var table in report.Datasets)
        {
            var model = Dataset(table, zone, rowLimit, options.ChartMode != HtmlChartMode.CidImages, ReferenceEquals(table.Summary, report.Summary) || report.Summary.Dataset == table.Name ? report.Summary : table.Summary);
            datasets.Add(model);
            if (ReferenceEquals(table, primary))
            {
                primaryModel = model;
            }
        }

        var globals = new ScriptObject();
        globals.SetValue("report", Report(report), readOnly: true);
        globals.SetValue("datasets", datasets, readOnly: true);
        globals.SetValue("dataset", primaryModel, readOnly: true);
        globals.SetValue("summary", Summary(report.Summary), readOnly: true);
        globals.SetValue("charts", Charts(report, options), readOnly: true);

        // burst.value: the owner this report is for; null in the whole report (so `if burst.value` reads naturally).
        globals.SetValue("burst", new ScriptObject { ["value"] = report.BurstValue }, readOnly: true);
        return globals;
    }

    private static ScriptObject Report(Report report)
    {
        var parameters = new ScriptObject();
        foreach (var (name, value) in report.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            parameters[name] = value;
        }

        return new ScriptObject
        {
            ["title"] = report.Title,
            ["description"] = report.Definition.Description ?? string.Empty,
            ["generated_at"] = TemplateValues.ToModel(report.GeneratedAt, report.TimeZone),
            ["generated_at_iso"] = TimeZoneInfo.ConvertTime(report.GeneratedAt, report.TimeZone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            ["timezone"] = report.TimeZone.Id,
            ["utc_offset"] = FormatOffset(report.TimeZone.GetUtcOffset(report.GeneratedAt)),
            ["params"] = parameters,
            ["warnings"] = new ScriptArray(report.Warnings),
        };
    }

    /// <param name="svgTrends">Trend cells as inline SVG; false for mail (clients drop SVG): block characters instead.</param>
    private static ScriptObject Dataset(DatasetTable table, TimeZoneInfo zone, int? rowLimit, bool svgTrends, ReportSummary? summary)
    {
        var columnModels = table.Columns.Select(c => new ColumnModel(c) { SvgTrends = svgTrends }).ToArray();
        var columns = new ScriptArray(table.Columns.Count);
        foreach (var model in columnModels)
        {
            var column = model.Column;
            columns.Add(new ScriptObject
            {
                ["name"] = column.Name,
                ["kind"] = model.KindName,
                ["format"] = column.Format,
                ["is_number"] = column.Kind == CellKind.Number,
                ["activity"] = column.Activity is { } a ? new ScriptObject { ["name"] = a.Name, ["window"] = a.Window, ["label"] = ActivitiesDefinition.WindowLabel(a.Window) } : null,
            });
        }

        var shown = Math.Min(table.Rows.Count, rowLimit ?? int.MaxValue);
        var rows = new ScriptArray(shown);
        foreach (var row in table.Rows.Take(shown))
        {
            rows.Add(new RowModel(row, columnModels, zone));
        }

        return new ScriptObject
        {
            ["name"] = table.Name,
            ["columns"] = columns,
            ["rows"] = rows,
            ["row_count"] = table.Rows.Count,
            ["row_limit"] = rowLimit,
            ["more_rows"] = table.Rows.Count - shown,
            ["more_rows_text"] = shown < table.Rows.Count ? MoreRows.Text(table.Rows.Count - shown) : string.Empty,
            ["account_count"] = table.Accounts.Count,
            ["total_items"] = table.Fetch.TotalItems,
            ["complete"] = table.Fetch.Complete,
            ["gaps"] = new ScriptArray(table.Fetch.Gaps),
            ["groups"] = table.Groups is null ? null : Groups(table.Groups, zone),
            ["summary"] = DatasetSummary(table, summary),
            ["users"] = table.Users is null ? null : Users(table.Users, zone),
            ["lifecycle"] = table.Lifecycle is null ? null : Lifecycle(table.Lifecycle, zone),
        };
    }

    private static ScriptObject Groups(GroupTable groups, TimeZoneInfo zone)
    {
        var rows = new ScriptArray(groups.Rows.Count);
        var columns = groups.AggregateColumns;
        foreach (var group in groups.Rows)
        {
            // A date aggregate (min of a date column) is a date to the template, as the column's cells are.
            var values = group.Cells.Select(cell => TemplateValues.ToModel(cell, zone)).ToList();
            var aggregates = new ScriptObject();
            for (var i = 0; i < groups.Aggregates.Count; i++)
            {
                aggregates[groups.Aggregates[i]] = i < values.Count ? values[i] : null;
            }

            rows.Add(new ScriptObject
            {
                ["key"] = group.Key,
                ["label"] = group.Key.Length == 0 ? "(none)" : group.Key,
                ["count"] = group.RowIndexes.Count,
                ["values"] = new ScriptArray(values),
                ["texts"] = new ScriptArray(group.Cells.Select((cell, i) => i < columns.Count && columns[i].Kind != CellKind.Number ? ExcelFormats.FormatCell(cell, columns[i].Format) : TemplateValues.FormatNumber(cell, null))),
                ["aggregates"] = aggregates,
            });
        }

        return new ScriptObject
        {
            ["by"] = groups.By,
            ["aggregates"] = new ScriptArray(groups.Aggregates),
            ["rows"] = rows,
        };
    }

    /// <summary>The report's headline as computed in the Data stage: each KPI with its value and its text.</summary>
    private static ScriptObject Summary(ReportSummary summary)
    {
        var kpis = new ScriptArray(summary.Kpis.Count);
        foreach (var kpi in summary.Kpis)
        {
            kpis.Add(new ScriptObject
            {
                ["key"] = kpi.Key,
                ["label"] = kpi.Label,
                ["value"] = kpi.Value,
                ["text"] = KpiText.Of(kpi),
                ["format"] = kpi.Format,
                ["tone"] = kpi.Tone.ToString().ToLowerInvariant(),
                ["compare_text"] = KpiText.Compare(kpi),
                ["compare_direction"] = KpiText.Direction(kpi) switch { > 0 => "up", < 0 => "down", _ => "flat" },
                ["compare_tone"] = KpiText.Goodness(kpi) switch { > 0 => "good", < 0 => "bad", _ => "neutral" },
            });
        }

        return new ScriptObject
        {
            ["dataset"] = summary.Dataset,
            ["rows"] = summary.Rows,
            ["kpis"] = kpis,
        };
    }

    /// <summary>
    /// <c>dataset.summary</c>, kept for templates written before <c>summary</c>: the rows shown, and the default
    /// KPIs' figures looked up in the summary (null/empty when the summary declares other KPIs).
    /// </summary>
    private static ScriptObject DatasetSummary(DatasetTable table, ReportSummary? summary)
    {
        var health = new ScriptArray();
        if (summary?.Charts.FirstOrDefault(c => c.Key == "health") is { } chart)
        {
            for (var i = 0; i < chart.Labels.Count; i++)
            {
                health.Add(new ScriptObject { ["label"] = chart.Labels[i], ["count"] = chart.Values[i] });
            }
        }

        return new ScriptObject
        {
            ["accounts"] = table.Rows.Count,
            ["average_score"] = summary?.Kpis.FirstOrDefault(k => k.Key == "average-score")?.Value,
            ["health"] = health,
            ["kpis"] = summary is null ? new ScriptArray() : Summary(summary)["kpis"],
        };
    }

    private static ScriptArray Users(IReadOnlyList<UserRow> users, TimeZoneInfo zone)
    {
        var array = new ScriptArray(users.Count);
        foreach (var u in users)
        {
            array.Add(new ScriptObject
            {
                ["account_id"] = u.AccountId,
                ["account_name"] = u.AccountName,
                ["user"] = u.User,
                ["first_usage"] = TemplateValues.ToModel(u.FirstUsage, zone),
                ["last_usage"] = TemplateValues.ToModel(u.LastUsage, zone),
                ["days_since_last_usage"] = u.DaysSinceLastUsage,
            });
        }

        return array;
    }

    private static ScriptArray Lifecycle(IReadOnlyList<LifecycleRow> changes, TimeZoneInfo zone)
    {
        var array = new ScriptArray(changes.Count);
        foreach (var l in changes)
        {
            array.Add(new ScriptObject
            {
                ["account_id"] = l.AccountId,
                ["account_name"] = l.AccountName,
                ["status"] = l.Status,
                ["changed"] = TemplateValues.ToModel(l.Changed, zone),
                ["days_in_status"] = l.DaysInStatus,
            });
        }

        return array;
    }

    private static ScriptArray Charts(Report report, HtmlRendererOptions options)
    {
        var charts = ReportCharts.For(report);
        var array = new ScriptArray(charts.Count);
        foreach (var chart in charts)
        {
            var cid = HtmlRenderer.ChartContentId(chart.Key);
            array.Add(new ScriptObject
            {
                ["key"] = chart.Key,
                ["title"] = chart.Title,
                ["labels"] = new ScriptArray(chart.Labels),
                ["values"] = new ScriptArray(chart.Values.Select(v => (object)v)),
                ["cid"] = cid,
                ["width"] = options.ChartWidth,
                ["height"] = options.ChartHeight,
                // Drawn only when a template asks for it: an SVG costs tens of milliseconds.
                ["html"] = LazyChart(chart, cid, options),
            });
        }

        return array;
    }

    private static DelegateCustomFunction LazyChart(ReportChart chart, string cid, HtmlRendererOptions options)
    {
        RawHtml? drawn = null;
        return DelegateCustomFunction.CreateFunc(() => drawn ??= options.ChartMode switch
        {
            HtmlChartMode.CidImages => new RawHtml(string.Create(
                CultureInfo.InvariantCulture,
                $"<img src=\"cid:{HtmlEscaper.Escape(cid)}\" alt=\"{HtmlEscaper.Escape(chart.Title)}\" width=\"{options.ChartWidth}\" height=\"{options.ChartHeight}\" style=\"display:block;border:0;width:100%;max-width:{options.ChartWidth}px;height:auto\">")),
            _ => new RawHtml(ChartSvg.Normalize(chart.ToSvg(options.ChartWidth, options.ChartHeight), chart.Key)),
        });
    }

    private static string FormatOffset(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString("hh\\:mm", CultureInfo.InvariantCulture);
}
