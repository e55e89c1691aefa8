using System.Text.RegularExpressions;

namespace TotangoReports.Data.Internal;

internal enum AggregateKind
{
    Count,
    Sum,
    Avg,
    Min,
    Max,
    Median,

    /// <summary>How many different non-empty values.</summary>
    Distinct,

    /// <summary>Any other Scriban expression, evaluated once per group with <c>rows</c> = the group's rows.</summary>
    Expression,
}

/// <summary>
/// One aggregate (group, KPI, chart): <c>count</c>, <c>count(X)</c>, <c>sum(X)</c>, <c>avg(X)</c>, <c>min(X)</c>,
/// <c>max(X)</c>, <c>median(X)</c>, <c>distinct(X)</c> where X is a column name (quoted or not) or a per-row
/// expression (<c>count(Health == "Poor")</c> counts the rows where it holds); anything else is an expression over <c>rows</c>.
/// </summary>
internal sealed partial class AggregateSpec
{
    private AggregateSpec(string name, AggregateKind kind, int column, CompiledExpression? expression)
    {
        Name = name;
        Kind = kind;
        Column = column;
        Expression = expression;
    }

    public string Name { get; }

    public AggregateKind Kind { get; }

    /// <summary>The column aggregated, or -1 (count of rows, or <see cref="Expression"/>).</summary>
    public int Column { get; }

    /// <summary>The per-row argument (when <see cref="Column"/> is -1 and the kind is a function), or the whole expression.</summary>
    public CompiledExpression? Expression { get; }

    public static AggregateSpec Parse(string name, string text, Func<string, int> columnIndex) =>
        Parse(name, text, columnIndex, CompiledExpression.Compile);

    /// <param name="compile">Parses an expression; the dataset plan passes its cache so each text is parsed once.</param>
    public static AggregateSpec Parse(string name, string text, Func<string, int> columnIndex, Func<string, CompiledExpression> compile)
    {
        var match = Function().Match(text);
        if (!match.Success)
        {
            return new AggregateSpec(name, AggregateKind.Expression, -1, compile(text));
        }

        var kind = Enum.Parse<AggregateKind>(match.Groups["fn"].Value, ignoreCase: true);
        if (!match.Groups["arg"].Success || match.Groups["arg"].Value.Length == 0)
        {
            return kind == AggregateKind.Count
                ? new AggregateSpec(name, kind, -1, null)
                : new AggregateSpec(name, AggregateKind.Expression, -1, compile(text));
        }

        var argument = match.Groups["arg"].Value.Trim();
        var column = columnIndex(argument);
        if (column < 0 && argument.Length >= 2 && argument[0] is '"' or '\'' && argument[^1] == argument[0])
        {
            column = columnIndex(argument[1..^1]);
        }

        return column >= 0
            ? new AggregateSpec(name, kind, column, null)
            : new AggregateSpec(name, kind, -1, compile(argument));
    }

    [GeneratedRegex(@"^\s*(?<fn>count|sum|avg|min|max|median|distinct)\s*(?:\((?<arg>.*)\))?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Function();
}
