using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace TotangoReports.Definition.Internal;

/// <summary>
/// A JSON syntax pre-check for text that is JSON: System.Text.Json points at the exact character of a missing comma,
/// where the YAML parser (which reads JSON too) often notices only at the end of the file.
/// </summary>
internal static partial class JsonSyntax
{
    public static bool LooksLikeJson(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c) && c != '\uFEFF')
            {
                return c == '{';
            }
        }

        return false;
    }

    /// <summary>Reports the first syntax error, if any; true when the text is well-formed JSON.</summary>
    public static bool Check(string text, DiagnosticBag bag, int maxDepth)
    {
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = Math.Max(maxDepth, 1) + 1 });
            return true;
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? 0) + 1;
            var column = CharColumn(bag.LineText(line), (int)(e.BytePositionInLine ?? 0)) + 1;
            bag.Error(line, column, $"not valid JSON: {Plain(Position().Replace(e.Message, string.Empty).Trim())}");
            return false;
        }
    }

    /// <summary>The reader's message in a user's words: it speaks of reader options and modes a user cannot set.</summary>
    private static string Plain(string message)
    {
        if (message.Contains("trailing comma", StringComparison.OrdinalIgnoreCase))
        {
            return "a comma after the last item of an object or list; JSON allows none there, so remove it";
        }

        if (message.Contains("comment", StringComparison.OrdinalIgnoreCase))
        {
            return "a comment; JSON has none (write the definition in YAML to keep comments)";
        }

        return ReaderOptions().Replace(message, string.Empty).Trim();
    }

    // The reader counts UTF-8 bytes; diagnostics count characters.
    private static int CharColumn(string lineText, int bytes)
    {
        var encoded = Encoding.UTF8.GetBytes(lineText);
        return bytes >= encoded.Length ? lineText.Length : Encoding.UTF8.GetCharCount(encoded, 0, bytes);
    }

    [GeneratedRegex(@"\s*(which is )?not supported in this mode\.?|\s*Change the reader options\.?", RegexOptions.IgnoreCase)]
    private static partial Regex ReaderOptions();

    [GeneratedRegex(@"\s*(Path: \S*)?\s*\|?\s*LineNumber: \d+ \| BytePositionInLine: \d+\.?")]
    private static partial Regex Position();
}
