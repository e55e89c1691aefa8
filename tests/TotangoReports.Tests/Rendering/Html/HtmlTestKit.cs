using System.Text;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using TotangoReports.Data;
using TotangoReports.Definition;
using TotangoReports.Fixtures;
using TotangoReports.Rendering.Html;
using TotangoReports.Rendering.Html.Internal;

namespace TotangoReports.Tests.Rendering.Html;

/// <summary>Renders through the public renderer (or a template text) and reads the result back with AngleSharp.</summary>
internal static class HtmlTestKit
{
    public static async Task<string> RenderAsync(Report report, string? template, HtmlRendererOptions? options = null, string? dataset = null)
    {
        var output = new OutputDefinition { Format = OutputFormat.Html, File = "report.html", Template = template, Dataset = dataset };
        using var stream = new MemoryStream();
        await new HtmlRenderer(options).RenderAsync(report, output, stream, TestContext.Current.CancellationToken);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Runs a template given as text (includes resolve against the built-ins), as the README examples do.</summary>
    public static string RenderText(Report report, string templateText, HtmlRendererOptions? options = null) =>
        RenderTextWithToken(report, templateText, options, TestContext.Current.CancellationToken);

    public static string RenderTextWithToken(Report report, string templateText, HtmlRendererOptions? options, CancellationToken cancellationToken)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        new HtmlTemplateEngine((options ?? new HtmlRendererOptions()).Validate())
            .RenderText(report, report.Datasets.Count > 0 ? report.Datasets[0] : null, EmbeddedTemplateStore.Instance, "snippet.sbn", templateText, writer, cancellationToken);
        return writer.ToString();
    }

    public static IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    /// <summary>The same report, defined in a file inside <paramref name="directory"/> (so templates resolve there).</summary>
    public static Report DefinedIn(this Report report, string directory) => new()
    {
        Definition = new ReportDefinition
        {
            Title = report.Definition.Title,
            Description = report.Definition.Description,
            TimeZone = report.Definition.TimeZone,
            Datasets = report.Definition.Datasets,
            SourcePath = Path.Combine(directory, "report.yaml"),
        },
        GeneratedAt = report.GeneratedAt,
        TimeZone = report.TimeZone,
        Parameters = report.Parameters,
        Datasets = report.Datasets,
        Warnings = report.Warnings,
    };

    /// <summary>A report whose only dataset holds the given account names (plus ordinary columns).</summary>
    public static Report WithAccountNames(params string[] names)
    {
        var baseline = TestReports.Accounts(names.Length, withGroups: false, withSideTables: false);
        var table = baseline.Datasets[0];
        var nameIndex = table.ColumnIndex("Account");
        var rows = table.Rows.Select((row, i) =>
        {
            var values = row.Values.ToArray();
            values[nameIndex] = names[i];
            return new TableRow(row.AccountId, values);
        }).ToList();
        var facts = table.Accounts.Select((a, i) => a with { Name = names[i] }).ToList();
        return new Report
        {
            Definition = baseline.Definition,
            GeneratedAt = baseline.GeneratedAt,
            TimeZone = baseline.TimeZone,
            Parameters = baseline.Parameters,
            Datasets = [new DatasetTable { Name = table.Name, Columns = table.Columns, Rows = rows, Accounts = facts, Fetch = table.Fetch }],
        };
    }
}
