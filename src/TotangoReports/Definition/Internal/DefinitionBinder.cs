namespace TotangoReports.Definition.Internal;

/// <summary>Turns a document's top-level map into a <see cref="ReportDefinition"/>, collecting every problem.</summary>
internal static class DefinitionBinder
{
    private static readonly string[] Keys = ["$schema", "title", "description", "timezone", "parameters", "datasets", "outputs", "delivery", "summary", "history", "burst", "checks"];

    public static ReportDefinition? Bind(YamlNode root, DiagnosticBag bag, DefinitionLoadOptions options, string sourcePath)
    {
        var map = MapReader.Read(root, bag, "a report definition", Keys);
        if (!map.IsValid)
        {
            return null;
        }

        var title = Values.RequiredText(map, "title", root, bag, "title");
        var description = Values.Text(map.Get("description"), bag, "description");
        var timeZone = BindTimeZone(map.Get("timezone"), bag);
        var parameters = BindParameters(map.Get("parameters"), bag);
        var datasets = BindDatasets(map, root, bag, parameters.Keys.ToList(), out var datasetNames);
        LookupBinder.Check(datasets, bag);
        var baseDirectory = Path.GetDirectoryName(Path.GetFullPath(sourcePath)) ?? Directory.GetCurrentDirectory();
        var outputs = map.Has("outputs") || map.ReportMissing("outputs")
            ? OutputBinder.BindAll(map.Get("outputs"), map.KeyNode("outputs") ?? root, bag, datasetNames, options, baseDirectory)
            : [];
        var delivery = DeliveryBinder.Bind(map.Get("delivery"), bag, outputs);
        var summary = SummaryBinder.Bind(map.Get("summary"), bag, datasets, parameters.Keys.ToList());
        var history = HistoryBinder.Bind(map.Get("history"), bag);
        var summaryName = summary?.Dataset ?? (datasets.Count > 0 ? datasets[0].Name : null);
        var burst = BurstBinder.Bind(map.Get("burst"), bag, datasets.Find(d => d.Name == summaryName), baseDirectory);
        var checks = ChecksBinder.Bind(map.Get("checks"), bag, datasetNames, summary);
        HistoryUses.RequireHistory(history, datasets, summary, bag);

        if (title is null)
        {
            return null;
        }

        return new ReportDefinition
        {
            Title = title,
            Description = description,
            TimeZone = timeZone ?? "UTC",
            Parameters = parameters,
            Datasets = datasets,
            Outputs = outputs,
            Delivery = delivery,
            Summary = summary,
            History = history,
            Burst = burst,
            Checks = checks,
            SourcePath = sourcePath,
        };
    }

    private static string? BindTimeZone(YamlNode? node, DiagnosticBag bag)
    {
        var id = Values.Text(node, bag, "timezone");
        if (id is null)
        {
            return null;
        }

        try
        {
            TimeZoneInfo.FindSystemTimeZoneById(id);
            return id;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            var hint = Suggestions.Hint(id, TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id));
            bag.Error(node!, $"timezone '{id}' is not known on this system{hint} (use an IANA id such as Europe/London, or UTC)");
            return null;
        }
    }

    private static Dictionary<string, ParameterDefinition> BindParameters(YamlNode? node, DiagnosticBag bag)
    {
        var result = new Dictionary<string, ParameterDefinition>(StringComparer.Ordinal);
        if (node is null)
        {
            return result;
        }

        var map = MapReader.Read(node, bag, "parameters", null, "parameter");
        foreach (var (key, value) in map.Entries)
        {
            var name = key.Value;
            if (!IsIdentifier(name))
            {
                bag.Error(key, $"parameter name '{name}' must be an identifier (letters, digits, _), since expressions read it as params.{name}");
                continue;
            }

            if (value.Kind == YamlNodeKind.Scalar)
            {
                result.Add(name, new ParameterDefinition(name, value.IsNull ? string.Empty : value.Value));
                continue;
            }

            var parameter = MapReader.Read(value, bag, $"parameter '{name}'", ["default", "description"]);
            if (parameter.IsValid)
            {
                var defaultValue = Values.Text(parameter.Get("default"), bag, $"the default of parameter '{name}'") ?? string.Empty;
                var description = Values.Text(parameter.Get("description"), bag, $"the description of parameter '{name}'");
                result.Add(name, new ParameterDefinition(name, defaultValue, description));
            }
        }

        return result;
    }

    private static List<DatasetDefinition> BindDatasets(MapReader top, YamlNode root, DiagnosticBag bag, IReadOnlyCollection<string> parameters, out List<string> names)
    {
        var result = new List<DatasetDefinition>();
        names = [];
        var node = top.Get("datasets");
        if (node is null && !top.ReportMissing("datasets") && !top.Has("datasets"))
        {
            return result;
        }

        if (node is null || node is { Kind: YamlNodeKind.Mapping, Entries.Count: 0 })
        {
            bag.Error(node ?? top.KeyNode("datasets") ?? root, "datasets must define at least one dataset, e.g. datasets: { accounts: { list: 1004, columns: [...] } }");
            return result;
        }

        var map = MapReader.Read(node, bag, "datasets", null, "dataset name");
        foreach (var (key, value) in map.Entries)
        {
            if (key.Value.Trim().Length == 0)
            {
                bag.Error(key, "a dataset name can't be empty");
                continue;
            }

            names.Add(key.Value);
            if (DatasetBinder.Bind(key.Value, key, value, bag, parameters) is { } dataset)
            {
                result.Add(dataset);
            }
        }

        return result;
    }

    private static bool IsIdentifier(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
