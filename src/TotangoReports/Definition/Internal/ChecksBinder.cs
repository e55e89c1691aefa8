using System.Text.RegularExpressions;

namespace TotangoReports.Definition.Internal;

/// <summary>
/// Binds <c>checks:</c>, a list of expressions: each is syntax-checked, and every dataset it reads
/// (<c>rows.X</c>, <c>previous_rows.X</c>) and KPI label (<c>kpis["Label"]</c>) must exist, errors at file:line:col.
/// </summary>
internal static partial class ChecksBinder
{
    /// <summary>The labels of the default KPIs (without <c>summary.kpis</c>).</summary>
    internal static readonly string[] DefaultKpiLabels = ["Accounts", "Average score", "Health: Good", "Health: Average", "Health: Poor", "Activity, last 30 days"];

    public static IReadOnlyList<CheckDefinition> Bind(YamlNode? node, DiagnosticBag bag, IReadOnlyList<string> datasets, SummaryDefinition? summary)
    {
        if (node is null)
        {
            return [];
        }

        if (node.Kind != YamlNodeKind.Sequence)
        {
            bag.Error(node, $"checks must be a list of expressions, e.g. checks: [ 'rows.accounts > 0' ], found {node.Describe()}");
            return [];
        }

        var labels = summary?.Kpis is { } kpis ? kpis.Select(k => k.Label).ToList() : [.. DefaultKpiLabels];
        var result = new List<CheckDefinition>();
        foreach (var item in node.Items)
        {
            if (item.Kind != YamlNodeKind.Scalar || item.IsNull)
            {
                bag.Error(item, $"each check must be an expression (text), found {item.Describe()}");
                continue;
            }

            var text = item.Value;
            if (!ExpressionChecker.CheckExpression(item, text, $"check '{text}'", bag))
            {
                continue;
            }

            var fine = CheckNames(item, text, DatasetName(), "a dataset", datasets, bag);
            fine &= CheckNames(item, text, KpiLabel(), "a KPI label", labels, bag);
            if (fine)
            {
                result.Add(new CheckDefinition(text, bag.Location(item)));
            }
        }

        return result;
    }

    private static bool CheckNames(YamlNode item, string text, Regex pattern, string what, IReadOnlyList<string> known, DiagnosticBag bag)
    {
        var fine = true;
        foreach (Match match in pattern.Matches(text))
        {
            var name = match.Groups["name"];
            if (known.Contains(name.Value, StringComparer.Ordinal))
            {
                continue;
            }

            var (line, column) = ExpressionChecker.MapOffset(item, text, name.Index, bag);
            var list = known.Count == 0 ? "there are none" : "known: " + string.Join(", ", known);
            bag.Error(line, column, $"check '{text}': '{name.Value}' is not {what} ({list}){Suggestions.Hint(name.Value, known)}");
            fine = false;
        }

        return fine;
    }

    [GeneratedRegex("""\b(?:previous_rows|rows)(?:\.(?<name>[A-Za-z_][A-Za-z0-9_]*)|\[\s*["'](?<name>[^"']*)["']\s*\])""")]
    internal static partial Regex DatasetName();

    [GeneratedRegex("""\bkpis(?:\.(?<name>[A-Za-z_][A-Za-z0-9_]*)|\[\s*["'](?<name>[^"']*)["']\s*\])""")]
    internal static partial Regex KpiLabel();
}
