using System.Globalization;

namespace TotangoReports.Definition.Internal;

/// <summary>Typed reads of scalar values; a wrong type is an error naming the expected type.</summary>
internal static class Values
{
    public static string? Text(YamlNode? node, DiagnosticBag bag, string what)
    {
        if (node is null)
        {
            return null;
        }

        if (node.Kind != YamlNodeKind.Scalar)
        {
            bag.Error(node, $"{what} must be text, found {node.Describe()}");
            return null;
        }

        return node.Value;
    }

    public static string? RequiredText(MapReader map, string key, YamlNode owner, DiagnosticBag bag, string what)
    {
        var node = map.Get(key);
        var value = Text(node, bag, what);
        if (node is null && !map.ReportMissing(key) && !map.Has(key))
        {
            return null;
        }

        if (node is null || (value is not null && value.Trim().Length == 0))
        {
            bag.Error(node ?? map.KeyNode(key) ?? owner, $"{what} is required");
            return null;
        }

        return value;
    }

    /// <summary>A plain (unquoted) integer ≥ 1, as JSON numbers and YAML ints are written.</summary>
    public static int? PositiveInt(YamlNode? node, DiagnosticBag bag, string what)
    {
        if (node is null)
        {
            return null;
        }

        if (node.Kind == YamlNodeKind.Scalar && !node.IsQuoted &&
            int.TryParse(node.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0)
        {
            return value;
        }

        var quotedNumber = node.IsQuoted && int.TryParse(node.Value, NumberStyles.None, CultureInfo.InvariantCulture, out _);
        bag.Error(node, quotedNumber
            ? $"{what} must be a number, not text: write {node.Value} without quotes"
            : $"{what} must be a positive whole number, found {node.Describe()}");
        return null;
    }

    /// <summary>One text value or a list of them (<c>return: stats</c> or <c>return: [stats, users]</c>).</summary>
    public static List<(string Value, YamlNode Node)> TextOrList(YamlNode? node, DiagnosticBag bag, string what)
    {
        var result = new List<(string, YamlNode)>();
        if (node is null)
        {
            return result;
        }

        if (node.Kind == YamlNodeKind.Scalar)
        {
            result.Add((node.Value, node));
            return result;
        }

        if (node.Kind != YamlNodeKind.Sequence)
        {
            bag.Error(node, $"{what} must be text or a list of text, found {node.Describe()}");
            return result;
        }

        foreach (var item in node.Items)
        {
            if (item.Kind != YamlNodeKind.Scalar || item.IsNull)
            {
                bag.Error(item, $"each item of {what} must be text, found {item.Describe()}");
                continue;
            }

            result.Add((item.Value, item));
        }

        return result;
    }

    /// <summary>An enum value written exactly as one of <paramref name="names"/>; anything else is an error with a hint.</summary>
    public static T? OneOf<T>(YamlNode? node, DiagnosticBag bag, string what, IReadOnlyList<(string Name, T Value)> names)
        where T : struct
    {
        var text = Text(node, bag, what);
        if (node is null || text is null)
        {
            return null;
        }

        foreach (var (name, value) in names)
        {
            if (string.Equals(name, text, StringComparison.Ordinal))
            {
                return value;
            }
        }

        var allowed = names.Select(n => n.Name).ToList();
        var hint = Suggestions.Closest(text, allowed) is { } s ? $"; did you mean '{s}'?" : string.Empty;
        bag.Error(node, $"{what} must be one of {string.Join(", ", allowed)}, found '{text}'{hint}");
        return null;
    }
}
