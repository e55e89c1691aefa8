namespace TotangoReports.Definition.Internal;

/// <summary>
/// <c>lookup: dataset.column</c> columns: the syntax when the column is bound, and once every dataset is known, that
/// the dataset and column exist, that a dataset does not look up itself, and that lookups form no cycle.
/// </summary>
internal static partial class LookupBinder
{
    /// <param name="aggregateNode">The column's <c>aggregate:</c>: then <c>lookup</c> names a dataset only.</param>
    public static LookupReference? Bind(YamlNode? node, YamlNode? aggregateNode, DiagnosticBag bag)
    {
        var text = Values.Text(node, bag, "lookup");
        var aggregate = Values.Text(aggregateNode, bag, "aggregate");
        if (aggregateNode is not null && node is null)
        {
            bag.Error(aggregateNode, "'aggregate' goes with 'lookup: <dataset>': an aggregate over that dataset's rows with the row's account id (e.g. lookup: touches, aggregate: max(Date))");
        }

        if (text is null)
        {
            return null;
        }

        if (aggregateNode is not null)
        {
            if (aggregate is null || aggregate.Trim().Length == 0 || text.Contains('.', StringComparison.Ordinal))
            {
                bag.Error(aggregate is null || aggregate.Trim().Length == 0 ? aggregateNode : node!, $"with 'aggregate', lookup names a dataset only and aggregate is one of count, count(EXPR), sum(C), avg(C), min(C), max(C), median(C), distinct(C) (e.g. lookup: touches, aggregate: max(Date)); found lookup '{text}', aggregate '{aggregate}'");
                return null;
            }

            return new LookupReference(text.Trim(), string.Empty) { Aggregate = aggregate.Trim() };
        }

        // The dataset name has no dot (it is a YAML key we control); the column name may have any.
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || dot == text.Length - 1)
        {
            bag.Error(node!, $"lookup must be 'dataset.column' (e.g. lookup: renewals.CSM), found '{text}'");
            return null;
        }

        return new LookupReference(text[..dot].Trim(), text[(dot + 1)..].Trim());
    }

    /// <summary>Checks every lookup against the bound datasets.</summary>
    public static void Check(IReadOnlyList<DatasetDefinition> datasets, DiagnosticBag bag)
    {
        var byName = datasets.ToDictionary(d => d.Name, StringComparer.Ordinal);
        foreach (var dataset in datasets)
        {
            foreach (var column in dataset.Columns.Where(c => c.Lookup is not null))
            {
                var lookup = column.Lookup!;
                var (line, col) = (column.Location.Line, column.Location.Column);
                if (lookup.Dataset == dataset.Name)
                {
                    bag.Error(line, col, $"column '{column.Name}' of dataset '{dataset.Name}' looks up its own dataset; use path or expr instead");
                }
                else if (!byName.TryGetValue(lookup.Dataset, out var other))
                {
                    bag.Error(line, col, $"column '{column.Name}': lookup names dataset '{lookup.Dataset}', which does not exist{Suggestions.Hint(lookup.Dataset, byName.Keys)} (datasets: {string.Join(", ", byName.Keys)})");
                }
                else if (lookup.Aggregate is not null)
                {
                    CheckAggregate(lookup, other, column, bag);
                }
                else if (other.Columns.All(c => c.Name != lookup.Column))
                {
                    var names = other.Columns.Select(c => c.Name).ToList();
                    bag.Error(line, col, $"column '{column.Name}': dataset '{lookup.Dataset}' has no column '{lookup.Column}'{Suggestions.Hint(lookup.Column, names)} (columns: {string.Join(", ", names)})");
                }
            }
        }

        if (Order(datasets) is null)
        {
            var first = datasets.First(d => d.Columns.Any(c => c.Lookup is not null));
            bag.Error(first.Location.Line, first.Location.Column, $"the lookups between datasets form a cycle ({string.Join(", ", datasets.Where(d => d.Columns.Any(c => c.Lookup is not null)).Select(d => d.Name))}): a dataset can't be built before the one it reads");
        }
    }

    // The column an aggregate names must be the other dataset's: the aggregate runs over that dataset's rows.
    private static void CheckAggregate(LookupReference lookup, DatasetDefinition other, ColumnDefinition column, DiagnosticBag bag)
    {
        var match = AggregateCall().Match(lookup.Aggregate!);
        if (!match.Success)
        {
            bag.Error(column.Location.Line, column.Location.Column, $"column '{column.Name}': aggregate '{lookup.Aggregate}' must be count, count(EXPR), sum(C), avg(C), min(C), max(C), median(C) or distinct(C) over dataset '{lookup.Dataset}'");
            return;
        }

        var argument = match.Groups["x"].Value.Trim().Trim('"', '\'');
        var names = other.Columns.Select(c => c.Name).ToList();
        if (match.Groups["f"].Value != "count" && argument.Length > 0 && !names.Contains(argument))
        {
            bag.Error(column.Location.Line, column.Location.Column, $"column '{column.Name}': aggregate '{lookup.Aggregate}' reads '{argument}', which is not a column of dataset '{lookup.Dataset}'{Suggestions.Hint(argument, names)} (columns: {string.Join(", ", names)})");
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*(?:(?<f>count)|(?<f>sum|avg|min|max|median|distinct|count)\s*\((?<x>.*)\))\s*$", System.Text.RegularExpressions.RegexOptions.Singleline)]
    private static partial System.Text.RegularExpressions.Regex AggregateCall();

    /// <summary>Datasets in an order where each comes after the datasets it looks up; null when they form a cycle.</summary>
    public static List<DatasetDefinition>? Order(IReadOnlyList<DatasetDefinition> datasets)
    {
        var byName = datasets.ToDictionary(d => d.Name, StringComparer.Ordinal);
        var done = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<DatasetDefinition>(datasets.Count);
        while (result.Count < datasets.Count)
        {
            var ready = datasets.FirstOrDefault(d => !done.Contains(d.Name) &&
                d.Columns.All(c => c.Lookup is null || done.Contains(c.Lookup.Dataset) || !byName.ContainsKey(c.Lookup.Dataset) || c.Lookup.Dataset == d.Name));
            if (ready is null)
            {
                return null;
            }

            done.Add(ready.Name);
            result.Add(ready);
        }

        return result;
    }
}
