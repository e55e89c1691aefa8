namespace TotangoReports.Definition.Internal;

/// <summary>Binds a dataset's <c>activities</c> pivot.</summary>
internal static class ActivitiesBinder
{
    /// <summary>The vendor's accountsRecentActivity script reported 7, 30 and 90 days; so does an unspecified pivot.</summary>
    private static readonly string[] DefaultWindows = ["past_7d", "past_30d", "past_90d"];

    public static ActivitiesDefinition? Bind(YamlNode? node, DiagnosticBag bag, string dataset)
    {
        if (node is null)
        {
            return null;
        }

        var map = MapReader.Read(node, bag, $"activities of {dataset}", ["names", "windows", "header"]);
        if (!map.IsValid)
        {
            return null;
        }

        var names = new List<string>();
        foreach (var (value, item) in Values.TextOrList(map.Get("names"), bag, "activities.names"))
        {
            if (value.Trim().Length == 0)
            {
                bag.Error(item, "an activity name can't be empty");
            }
            else if (names.Contains(value, StringComparer.OrdinalIgnoreCase))
            {
                bag.Error(item, $"activity '{value}' is listed twice (names match case-insensitively)");
            }
            else
            {
                names.Add(value);
            }
        }

        var windows = new List<string>();
        var windowsNode = map.Get("windows");
        foreach (var (value, item) in Values.TextOrList(windowsNode, bag, "activities.windows"))
        {
            if (!ActivitiesDefinition.IsWindowName(value))
            {
                bag.Error(item, $"'{value}' is not an API window{Suggestions.Hint(value, ActivitiesDefinition.KnownWindows)} " +
                    $"(windows: {string.Join(", ", ActivitiesDefinition.KnownWindows)}, or any past_<N>d the server sends)");
            }
            else if (windows.Contains(value, StringComparer.Ordinal))
            {
                bag.Error(item, $"window '{value}' is listed twice");
            }
            else
            {
                windows.Add(value);
            }
        }

        if (windowsNode is not null && windowsNode.Kind == YamlNodeKind.Sequence && windowsNode.Items.Count == 0)
        {
            bag.Error(windowsNode, "activities.windows must list at least one window, e.g. [past_7d, past_30d]");
        }

        return new ActivitiesDefinition
        {
            Names = names,
            Windows = windowsNode is null ? DefaultWindows : windows,
            Header = BindHeader(map.Get("header"), bag),
            Location = bag.Location(node),
        };
    }

    /// <summary>The header pattern must tell every pivot column apart, so it needs the activity and a window.</summary>
    private static string BindHeader(YamlNode? node, DiagnosticBag bag)
    {
        var header = Values.Text(node, bag, "activities.header");
        if (header is null || node is null)
        {
            return ActivitiesDefinition.DefaultHeader;
        }

        var rest = header.Replace("{activity}", string.Empty, StringComparison.Ordinal)
            .Replace("{window_name}", string.Empty, StringComparison.Ordinal)
            .Replace("{window}", string.Empty, StringComparison.Ordinal);
        if (rest.Contains('{', StringComparison.Ordinal) || rest.Contains('}', StringComparison.Ordinal))
        {
            bag.Error(node, $"activities.header '{header}' has an unknown placeholder: use {{activity}}, {{window}} (7d) or {{window_name}} (past_7d)");
        }
        else if (!header.Contains("{activity}", StringComparison.Ordinal) ||
            !(header.Contains("{window}", StringComparison.Ordinal) || header.Contains("{window_name}", StringComparison.Ordinal)))
        {
            bag.Error(node, $"activities.header '{header}' must contain {{activity}} and {{window}} (or {{window_name}}), e.g. \"{{activity}}_{{window}}\"");
        }

        return header;
    }
}
