using TotangoReports.Data;
using TotangoReports.Definition;
using TotangoReports.Delivery.Internal;
using TotangoReports.Rendering.Charts;
using TotangoReports.Rendering;
using TotangoReports.Rendering.Html;

namespace TotangoReports.Delivery;

/// <summary>
/// Builds the report mail: the html output re-rendered with its charts as <c>cid:</c> PNG parts (mail clients
/// don't render inline SVG), a plain-text alternative, and the staged files of the formats to attach.
/// </summary>
internal static class EmailComposer
{
    public const int ChartWidth = 600;
    public const int ChartHeight = 320;

    /// <param name="rendered">The outputs this run rendered (after <c>--format</c>): the body is the html one among them.</param>
    /// <param name="files">The staged files this mail may attach (one burst value's, or the roll-up's); null = every staged file.</param>
    /// <param name="to">A burst value's addresses, replacing the definition's to/cc/bcc; null = the definition's.</param>
    public static EmailContent Compose(Report report, EmailDeliveryDefinition email, IReadOnlyList<OutputDefinition> rendered, StagedOutputs staged, CancellationToken cancellationToken, IReadOnlyList<StagedFile>? files = null, IReadOnlyList<string>? to = null)
    {
        files ??= staged.Files;
        string subject;
        try
        {
            subject = (report.IsSample ? SampleBanner.SubjectPrefix : string.Empty) + TextTemplate.Render(email.Subject, report, "delivery.email.subject");
        }
        catch (FormatException ex)
        {
            throw new Rendering.RenderException(email.Location, ex.Message);
        }

        var attachments = files
            .Where(f => email.Attach.Any(a => string.Equals(a.ToString(), f.Format, StringComparison.OrdinalIgnoreCase)))
            .Select(f => new EmailAttachment(AttachmentName(f, files), f.TempPath, MimeBuilder.MediaTypeFor(f.Format)))
            .ToList();

        string? html = null;
        var images = new List<EmailInlineImage>();
        var htmlOutput = rendered.FirstOrDefault(o => o.Format == OutputFormat.Html);
        if (string.Equals(email.Body, "html", StringComparison.OrdinalIgnoreCase) && htmlOutput is not null)
        {
            // The <img> attributes declare the PNG's own size, so no client squashes it.
            var renderer = new HtmlRenderer(new HtmlRendererOptions { ChartMode = HtmlChartMode.CidImages, ChartWidth = ChartWidth, ChartHeight = ChartHeight });
            html = renderer.RenderToString(report, htmlOutput, cancellationToken);
            foreach (var chart in ReportCharts.For(report))
            {
                var id = HtmlRenderer.ChartContentId(chart.Key);
                if (html.Contains("cid:" + id, StringComparison.Ordinal))
                {
                    images.Add(new EmailInlineImage(id, chart.Key + ".png", chart.ToPng(ChartWidth, ChartHeight)));
                }
            }
        }

        return new EmailContent
        {
            To = to ?? email.To,
            Cc = to is null ? email.Cc : [],
            Bcc = to is null ? email.Bcc : [],
            Subject = subject,
            HtmlBody = html,
            TextBody = PlainSummary.Build(report, attachments.Select(a => a.FileName)),
            InlineImages = images,
            Attachments = attachments,
        };
    }

    /// <summary>The file's name, or its folder-qualified name when another output has the same name in another folder.</summary>
    private static string AttachmentName(StagedFile file, IReadOnlyList<StagedFile> files)
    {
        var name = Path.GetFileName(file.RelativePath);
        var clash = files.Count(f => string.Equals(Path.GetFileName(f.RelativePath), name, StringComparison.OrdinalIgnoreCase)) > 1;
        return clash ? file.RelativePath.Replace('/', '_').Replace('\\', '_') : name;
    }

    /// <summary>Formats the definition asks to attach that this run did not render (e.g. excluded by <c>--format</c>).</summary>
    public static IReadOnlyList<OutputFormat> MissingAttachments(EmailDeliveryDefinition email, StagedOutputs staged) =>
        email.Attach.Where(a => !staged.Files.Any(f => string.Equals(a.ToString(), f.Format, StringComparison.OrdinalIgnoreCase))).ToList();
}
