namespace TotangoReports.Data.Internal;

/// <summary>One <c>sort</c> entry: a column name (or, failing that, an expression), <c>-</c> for descending.</summary>
internal sealed record SortKey(string Text, bool Descending, int Column, CompiledExpression? Expression)
{
    /// <param name="compile">Parses an expression; the dataset plan passes its cache so each text is parsed once.</param>
    public static SortKey Parse(string key, Func<string, int> columnIndex, Func<string, CompiledExpression> compile)
    {
        var (descending, text) = Split(key);
        // A column literally named "-x" still sorts ascending by itself.
        if (descending && columnIndex(key) is var whole and >= 0)
        {
            return new SortKey(key, false, whole, null);
        }

        var column = columnIndex(text);
        return new SortKey(text, descending, column, column >= 0 ? null : compile(text));
    }

    /// <summary>The key's direction and the text after the <c>-</c>.</summary>
    public static (bool Descending, string Text) Split(string key) =>
        key.StartsWith('-') ? (true, key[1..].Trim()) : (false, key.Trim());
}
