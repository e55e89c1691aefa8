namespace TotangoReports.Definition.Internal;

/// <summary>Checks a column <c>path</c>: its syntax, then that it can exist in an account record.</summary>
internal static class PathChecker
{
    public static RecordPath? Check(YamlNode node, string text, DiagnosticBag bag)
    {
        var path = RecordPath.TryParse(text, out var error, out var offset);
        if (path is null)
        {
            var (line, column) = ExpressionChecker.Map(node, 0, offset, bag);
            bag.Error(line, column, $"path '{text}' is not valid: {error}");
            return null;
        }

        if (!RecordShape.IsKnown(path, out var problem, out var segment))
        {
            var (line, column) = ExpressionChecker.Map(node, 0, SegmentOffset(text, path, segment), bag);
            bag.Error(line, column, $"path '{text}' can never exist: {problem}");
            return null;
        }

        return path;
    }

    /// <summary>Where segment <paramref name="index"/> starts in the text (paths carry no offsets of their own).</summary>
    internal static int SegmentOffset(string text, RecordPath path, int index)
    {
        var position = 0;
        for (var i = 0; i <= index && i < path.Segments.Count; i++)
        {
            var segment = path.Segments[i];
            var found = segment.IsIndex
                ? text.IndexOf('[', position)
                : text.IndexOf(segment.Name!, position, StringComparison.Ordinal);
            if (found < 0)
            {
                return position;
            }

            if (i == index)
            {
                // A bracketed key starts at its bracket.
                return !segment.IsIndex && found >= 2 && text[found - 1] is '"' or '\'' ? found - 2 : found;
            }

            position = found + (segment.Name?.Length ?? 1);
        }

        return position;
    }
}
