using System.Text.RegularExpressions;

namespace TotangoReports.Definition.Internal;

/// <summary>Light text scans of expressions: which parts of the API record they read, and which columns they name.</summary>
internal static partial class ExpressionScan
{
    /// <summary>Return types an expression needs through <c>account.stats</c>, <c>account.users</c>, <c>account.lifecycle</c>.</summary>
    public static IEnumerable<ReturnType> ReturnTypes(string expression)
    {
        foreach (Match match in AccountMember().Matches(expression))
        {
            var member = match.Groups["a"].Success ? match.Groups["a"].Value : match.Groups["b"].Value;
            yield return member switch
            {
                "stats" => ReturnType.Stats,
                "users" => ReturnType.Users,
                _ => ReturnType.Lifecycle,
            };
        }
    }

    /// <summary>Column names an expression reads as <c>row["Name"]</c>, with their offsets in the text.</summary>
    public static IEnumerable<(string Name, int Offset)> RowReferences(string expression)
    {
        foreach (Match match in RowIndex().Matches(expression))
        {
            var group = match.Groups["d"].Success ? match.Groups["d"] : match.Groups["s"];
            yield return (group.Value, match.Index);
        }
    }

    [GeneratedRegex("""\baccount\s*(?:\.\s*(?<a>stats|users|lifecycle)\b|\[\s*["'](?<b>stats|users|lifecycle)["']\s*\])""")]
    private static partial Regex AccountMember();

    [GeneratedRegex("""\brow\s*\[\s*(?:"(?<d>[^"]*)"|'(?<s>[^']*)')\s*\]""")]
    private static partial Regex RowIndex();
}
