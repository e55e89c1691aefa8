namespace TotangoReports.Data.Internal;

/// <summary>One <c>sort</c> entry: a column name (or, failing that, an expression), <c>-</c> for descending.</summary>
internal sealed record SortKey(string Text, bool Descending, int Column, CompiledExpression? Expression)
{
    public static SortKey Parse(string key, Func<string, int> columnIndex)
    {
        var descending = key.StartsWith('-');
        var text = descending ? key[1..].Trim() : key.Trim();
        // A column literally named "-x" still sorts ascending by itself.
        if (descending && columnIndex(key) is var whole and >= 0)
        {
            return new SortKey(key, false, whole, null);
        }

        var column = columnIndex(text);
        return new SortKey(text, descending, column, column >= 0 ? null : CompiledExpression.Compile(text));
    }
}
