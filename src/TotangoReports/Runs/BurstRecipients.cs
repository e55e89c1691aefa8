using System.Globalization;
using System.Text.RegularExpressions;
using TotangoReports.Data;
using TotangoReports.Definition;
using YamlDotNet.RepresentationModel;

namespace TotangoReports.Runs;

/// <summary>
/// Who gets each burst value's mail: the addresses in the slice's rows of the <c>to</c> column (comma, semicolon or
/// space separated), or those the <c>recipients</c> file maps the value to (YAML <c>value: [addresses]</c> or CSV
/// <c>value,address[,address…]</c>). Only addresses that look like one are used; the others are warnings.
/// </summary>
internal sealed partial class BurstRecipients
{
    private readonly BurstDefinition _burst;
    private readonly Dictionary<string, List<string>>? _mapping;

    private BurstRecipients(BurstDefinition burst, Dictionary<string, List<string>>? mapping)
    {
        _burst = burst;
        _mapping = mapping;
    }

    /// <summary>Addresses that are not addresses, found while reading (warnings for run.json).</summary>
    public List<string> Problems { get; } = [];

    /// <summary>The values the mapping file names (none when addresses come from a column).</summary>
    public IReadOnlyCollection<string> Values => _mapping?.Keys ?? (IReadOnlyCollection<string>)[];

    public static BurstRecipients Load(ReportDefinition definition, BurstDefinition burst) =>
        new(burst, burst.Recipients is { } file ? ReadMapping(Path.Combine(definition.BaseDirectory, file)) : null);

    /// <summary>The distinct addresses for <paramref name="slice"/> (its rows of <paramref name="table"/>); empty = nobody.</summary>
    public IReadOnlyList<string> For(BurstSlice slice, DatasetTable table)
    {
        var result = new List<string>();
        if (_mapping is not null)
        {
            result.AddRange(_mapping.GetValueOrDefault(slice.Value) ?? []);
        }
        else if (_burst.To is { } to && table.ColumnIndex(to) is var column and >= 0)
        {
            foreach (var index in slice.RowIndexes)
            {
                if (table.Rows[index][column] is string text)
                {
                    foreach (var part in Separators().Split(text).Where(p => p.Length > 0))
                    {
                        if (Address().IsMatch(part))
                        {
                            result.Add(part);
                        }
                        else
                        {
                            Problems.Add($"burst.to: '{part}' in column '{to}' (value '{slice.Value}') is not an email address; it gets no mail");
                        }
                    }
                }
            }
        }

        return result.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static Dictionary<string, List<string>> ReadMapping(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Error(path, 0, $"can't be read ({ex.Message})");
        }

        return Path.GetExtension(path).Equals(".csv", StringComparison.OrdinalIgnoreCase) ? ReadCsv(path, text) : ReadYaml(path, text);
    }

    private static Dictionary<string, List<string>> ReadYaml(string path, string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlDotNet.Core.YamlException ex)
        {
            throw Error(path, (int)ex.Start.Line, $"is not valid YAML: {ex.Message}");
        }

        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (stream.Documents.Count == 0)
        {
            return result;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode map)
        {
            throw Error(path, (int)stream.Documents[0].RootNode.Start.Line, "must be a map of value: [addresses], e.g. 'Alice Smith: [alice@example.com]'");
        }

        foreach (var (key, value) in map.Children)
        {
            var addresses = value switch
            {
                YamlScalarNode scalar => [scalar.Value ?? string.Empty],
                YamlSequenceNode list => list.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? string.Empty).ToList(),
                _ => throw Error(path, (int)value.Start.Line, "each value maps to an address or a list of addresses"),
            };
            Add(result, path, (int)key.Start.Line, ((YamlScalarNode)key).Value ?? string.Empty, addresses);
        }

        return result;
    }

    private static Dictionary<string, List<string>> ReadCsv(string path, string text)
    {
        // CsvHelper, not Split(','): an owner's name may hold a comma or a quote ("Jones, Smith & Co").
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        using var reader = CsvHelper.CsvReader.Create(System.Text.Encoding.UTF8.GetBytes(text), new CsvHelper.CsvReaderOptions { HasHeader = false, TrackLineNumbers = true });
        var first = true;
        while (reader.Read())
        {
            var cells = reader.Current.ToArray().Select(c => c.Trim()).ToList();
            var header = first && !cells.Skip(1).Any(c => Address().IsMatch(c));
            first = false;
            if (cells.All(c => c.Length == 0) || header)
            {
                // A blank line, or a header row (no address in it).
                continue;
            }

            Add(result, path, (int)reader.LineNumber, cells[0], cells.Skip(1).Where(c => c.Length > 0).ToList());
        }

        return result;
    }

    private static void Add(Dictionary<string, List<string>> result, string path, int line, string value, List<string> addresses)
    {
        if (addresses.FirstOrDefault(a => !Address().IsMatch(a)) is { } bad)
        {
            throw Error(path, line, $"'{bad}' (for '{value}') is not an email address (name@example.com)");
        }

        if (!result.TryGetValue(value.Trim(), out var list))
        {
            result.Add(value.Trim(), list = []);
        }

        list.AddRange(addresses);
    }

    private static ReportInputException Error(string path, int line, string problem)
    {
        var where = line > 0 ? string.Create(CultureInfo.InvariantCulture, $"{path}:{line}") : path;
        return new ReportInputException(ReportInputError.BurstRecipients, $"{where}: burst.recipients {problem}; fix the file", path, problem);
    }

    [GeneratedRegex(@"[,;\s]+")]
    private static partial Regex Separators();

    [GeneratedRegex(@"^[^@\s<>,;]+@[^@\s<>,;]+\.[^@\s<>,;]+$")]
    private static partial Regex Address();
}
