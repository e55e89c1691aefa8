using System.Text;
using System.Text.RegularExpressions;
using TotangoReports.Data;

namespace TotangoReports.Rendering;

/// <summary>
/// How outputs of a <c>--sample</c> run say so (PRODUCT.md §2): the words every format uses, and the banner put at
/// the top of every HTML page whatever its template, so a custom template cannot drop the mark.
/// </summary>
public static partial class SampleBanner
{
    /// <summary>The line a reader sees.</summary>
    public const string Text = Report.SampleMark + " — made-up accounts from the built-in sample, not a real tenant";

    /// <summary>Put before a sample report's mail subject.</summary>
    public const string SubjectPrefix = "[SAMPLE] ";

    /// <summary>Email-safe (inline style, no class, no script); marked so tests and readers can find it.</summary>
    public const string Html =
        "<div data-totango-sample=\"true\" style=\"background:#c62828;color:#ffffff;font:bold 16px Arial,Helvetica,sans-serif;text-align:center;padding:10px;margin:0 0 8px 0\">" +
        Report.SampleMark + " — made-up accounts from the built-in sample, not a real tenant</div>";

    /// <summary>
    /// <paramref name="html"/> with the banner right after its <c>&lt;body&gt;</c> tag, or at its very start (after a
    /// doctype) when it has none.
    /// </summary>
    public static string Insert(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var body = BodyTag().Match(html);
        if (body.Success)
        {
            return html.Insert(body.Index + body.Length, Html);
        }

        var doctype = Doctype().Match(html);
        var at = doctype.Success ? doctype.Index + doctype.Length : 0;
        return new StringBuilder(html.Length + Html.Length).Append(html, 0, at).Append(Html).Append(html, at, html.Length - at).ToString();
    }

    [GeneratedRegex(@"<body\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex BodyTag();

    [GeneratedRegex(@"^\s*<!doctype[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Doctype();
}
