using System.Net;

namespace TotangoReports.Preview.Internal;

/// <summary>The one escaper of the preview's own HTML: element content and double-quoted attributes.</summary>
internal static class Html
{
    public static string E(string text) => WebUtility.HtmlEncode(text);
}
