using System.Text;

namespace TotangoReports.Definition;

/// <summary>
/// A path into one account record as the API returns it: dot-separated keys that may hold <c>-</c>
/// (<c>attributes.Renewal-Date</c>), bracketed keys for spaces or dots (<c>attributes["Plan Type"]</c>),
/// and array indexes (<c>users[0].name</c>).
/// </summary>
internal sealed class RecordPath : IEquatable<RecordPath>
{
    private RecordPath(string text, IReadOnlyList<PathSegment> segments)
    {
        Text = text;
        Segments = segments;
    }

    public string Text { get; }

    public IReadOnlyList<PathSegment> Segments { get; }

    /// <summary>Parses a path; on failure returns null and says why, with the 0-based offset of the problem.</summary>
    public static RecordPath? TryParse(string text, out string? error, out int errorOffset)
    {
        var segments = new List<PathSegment>();
        error = null;
        errorOffset = 0;
        var i = 0;
        var expectKey = true;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '[')
            {
                var (segment, next, problem) = ReadBracket(text, i);
                if (problem is not null)
                {
                    (error, errorOffset) = (problem, i);
                    return null;
                }

                segments.Add(segment!);
                i = next;
                expectKey = false;
            }
            else if (c == '.')
            {
                if (expectKey)
                {
                    (error, errorOffset) = ("empty key (two dots, or a dot at the start)", i);
                    return null;
                }

                i++;
                expectKey = true;
                if (i == text.Length)
                {
                    (error, errorOffset) = ("the path ends with a dot", i - 1);
                    return null;
                }

                if (text[i] == '[')
                {
                    continue;
                }
            }
            else
            {
                if (!expectKey)
                {
                    (error, errorOffset) = ($"unexpected '{c}': separate keys with '.'", i);
                    return null;
                }

                var start = i;
                while (i < text.Length && IsBareKeyChar(text[i]))
                {
                    i++;
                }

                if (i == start)
                {
                    (error, errorOffset) = ($"'{c}' can't appear in a key; write the key as [\"...\"]", i);
                    return null;
                }

                segments.Add(PathSegment.Key(text[start..i]));
                expectKey = false;
            }
        }

        if (segments.Count == 0)
        {
            (error, errorOffset) = ("the path is empty", 0);
            return null;
        }

        return new RecordPath(text, segments);
    }

    public static RecordPath Parse(string text) =>
        TryParse(text, out var error, out var offset) ?? throw new FormatException($"invalid path '{text}' at {offset}: {error}");

    private static bool IsBareKeyChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '-' or '$';

    private static (PathSegment? Segment, int Next, string? Error) ReadBracket(string text, int open)
    {
        var i = open + 1;
        if (i < text.Length && text[i] is '"' or '\'')
        {
            var quote = text[i];
            var sb = new StringBuilder();
            i++;
            while (i < text.Length && text[i] != quote)
            {
                if (text[i] == '\\' && i + 1 < text.Length)
                {
                    i++;
                }

                sb.Append(text[i]);
                i++;
            }

            if (i >= text.Length)
            {
                return (null, i, "unterminated quoted key");
            }

            i++;
            if (i >= text.Length || text[i] != ']')
            {
                return (null, i, "expected ']' after the quoted key");
            }

            return (PathSegment.Key(sb.ToString()), i + 1, null);
        }

        var start = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        if (i == start || i >= text.Length || text[i] != ']')
        {
            return (null, i, "a bracket holds a quoted key [\"Plan Type\"] or an index [0]");
        }

        return (PathSegment.At(int.Parse(text.AsSpan(start, i - start), System.Globalization.CultureInfo.InvariantCulture)), i + 1, null);
    }

    public bool Equals(RecordPath? other) => other is not null && Segments.SequenceEqual(other.Segments);

    public override bool Equals(object? obj) => Equals(obj as RecordPath);

    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var s in Segments)
        {
            hash.Add(s);
        }

        return hash.ToHashCode();
    }

    public override string ToString() => Text;
}

/// <summary>One step of a <see cref="RecordPath"/>: an object key, or an array index.</summary>
internal sealed record PathSegment(string? Name, int? Index)
{
    public static PathSegment Key(string name) => new(name, null);

    public static PathSegment At(int index) => new(null, index);

    public bool IsIndex => Index.HasValue;
}
