namespace TotangoReports.Definition.Internal;

/// <summary>Binds <c>burst: { by, to | recipients, rollup }</c> against the summary dataset's columns.</summary>
internal static class BurstBinder
{
    private static readonly string[] Keys = ["by", "to", "recipients", "rollup"];

    /// <param name="summaryDataset">The dataset the summary describes, whose columns <c>by</c> and <c>to</c> name; null when it did not bind.</param>
    public static BurstDefinition? Bind(YamlNode? node, DiagnosticBag bag, DatasetDefinition? summaryDataset, string baseDirectory)
    {
        if (node is null)
        {
            return null;
        }

        var map = MapReader.Read(node, bag, "burst", Keys);
        if (!map.IsValid)
        {
            return null;
        }

        var by = Values.RequiredText(map, "by", node, bag, "burst.by");
        var to = Values.Text(map.Get("to"), bag, "burst.to");
        var recipients = Values.Text(map.Get("recipients"), bag, "burst.recipients");
        CheckColumn(map.Get("by"), by, "burst.by", summaryDataset, bag);
        CheckColumn(map.Get("to"), to, "burst.to", summaryDataset, bag);
        if (to is not null && recipients is not null)
        {
            bag.Error(map.KeyNode("recipients")!, "burst takes 'to' (a column of addresses) or 'recipients' (a file mapping values to addresses), not both; remove one");
        }

        if (recipients is not null && !File.Exists(Path.Combine(baseDirectory, recipients)))
        {
            bag.Error(map.Get("recipients")!, $"burst.recipients: file '{recipients}' not found beside the definition; write a YAML ('value: [addresses]') or CSV ('value,address') file there");
        }

        var rollUp = true;
        if (map.Get("rollup") is { } rollUpNode)
        {
            if (rollUpNode is { Kind: YamlNodeKind.Scalar, IsQuoted: false, Value: "true" or "false" })
            {
                rollUp = rollUpNode.Value == "true";
            }
            else
            {
                bag.Error(rollUpNode, $"burst.rollup must be true or false, found {rollUpNode.Describe()}");
            }
        }

        return by is null ? null : new BurstDefinition { By = by, To = to, Recipients = recipients, RollUp = rollUp, Location = bag.Location(node) };
    }

    private static void CheckColumn(YamlNode? node, string? name, string what, DatasetDefinition? dataset, DiagnosticBag bag)
    {
        if (node is null || name is null || dataset is null || dataset.Columns.Any(c => string.Equals(c.Name, name, StringComparison.Ordinal)))
        {
            return;
        }

        var names = dataset.Columns.Select(c => c.Name).ToList();
        bag.Error(node, $"{what}: '{name}' is not a column of dataset '{dataset.Name}' (the summary dataset){Suggestions.Hint(name, names)}; it has {string.Join(", ", names)}");
    }
}
