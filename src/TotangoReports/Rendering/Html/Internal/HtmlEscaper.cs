using System.Text;

namespace TotangoReports.Rendering.Html.Internal;

/// <summary>
/// Escapes the five characters that matter in HTML text and quoted attribute values. Unlike
/// <see cref="System.Net.WebUtility.HtmlEncode(string)"/> it leaves non-ASCII text alone, so "Café" stays readable.
/// </summary>
internal static class HtmlEscaper
{
    private static readonly System.Buffers.SearchValues<char> Special = System.Buffers.SearchValues.Create("&<>\"'");

    public static string Escape(string text)
    {
        var first = text.AsSpan().IndexOfAny(Special);
        if (first < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        builder.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '"': builder.Append("&quot;"); break;
                case '\'': builder.Append("&#39;"); break;
                default: builder.Append(c); break;
            }
        }

        return builder.ToString();
    }
}
