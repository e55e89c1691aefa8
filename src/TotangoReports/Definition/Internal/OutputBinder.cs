namespace TotangoReports.Definition.Internal;

/// <summary>Binds the <c>outputs</c> list: which files a run writes, and from which dataset and template.</summary>
internal static class OutputBinder
{
    private static readonly string[] Keys = ["format", "file", "template", "dataset", "page_size", "author", "logo", "rows"];

    /// <summary>What a run writes into --out itself (Delivery's RunManifest and OutputFolderLock), in any letter case.</summary>
    private static readonly HashSet<string> ReservedNames = new(
        [Delivery.RunManifest.FileName, Delivery.RunManifest.IncompleteFileName, Delivery.OutputFolderLock.FileName],
        StringComparer.OrdinalIgnoreCase);

    internal static readonly (string, OutputFormat)[] Formats =
        [("xlsx", OutputFormat.Xlsx), ("pdf", OutputFormat.Pdf), ("html", OutputFormat.Html), ("csv", OutputFormat.Csv)];

    private static readonly (string, PageSize)[] PageSizes = [("A4", PageSize.A4), ("Letter", PageSize.Letter)];

    public static List<OutputDefinition> BindAll(YamlNode? node, YamlNode root, DiagnosticBag bag, IReadOnlyList<string> datasets, DefinitionLoadOptions options, string baseDirectory)
    {
        var result = new List<OutputDefinition>();
        if (node is null || node is { Kind: YamlNodeKind.Sequence, Items.Count: 0 })
        {
            bag.Error(node ?? root, "outputs must list at least one output, e.g. - { format: xlsx, file: report.xlsx }");
            return result;
        }

        if (node.Kind != YamlNodeKind.Sequence)
        {
            bag.Error(node, $"outputs must be a list of {{ format, file }}, found {node.Describe()}");
            return result;
        }

        var files = new Dictionary<string, YamlNode>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in node.Items)
        {
            var output = Bind(item, bag, datasets, options, baseDirectory);
            if (output is null)
            {
                continue;
            }

            if (files.TryGetValue(output.File, out var first))
            {
                bag.Error(item, $"two outputs write '{output.File}' (first at line {first.Line}); give each its own file");
                continue;
            }

            files.Add(output.File, item);
            result.Add(output);
        }

        return result;
    }

    private static OutputDefinition? Bind(YamlNode item, DiagnosticBag bag, IReadOnlyList<string> datasets, DefinitionLoadOptions options, string baseDirectory)
    {
        var map = MapReader.Read(item, bag, "an output", Keys);
        if (!map.IsValid)
        {
            return null;
        }

        var formatNode = map.Get("format");
        var format = Values.OneOf(formatNode, bag, "format", Formats);
        if (formatNode is null && (map.Has("format") || map.ReportMissing("format")))
        {
            bag.Error(map.KeyNode("format") ?? item, "an output needs 'format': xlsx, pdf, html or csv");
        }
        else if (formatNode is not null && format is { } f && !options.IsFormatAvailable(f))
        {
            bag.Error(formatNode, $"output format '{formatNode.Value}' is not available in this build");
        }

        var file = Values.RequiredText(map, "file", item, bag, "an output's file");
        if (file is not null)
        {
            CheckFile(map.Get("file")!, file, bag);
        }

        var template = Values.Text(map.Get("template"), bag, "template");
        if (template is not null)
        {
            CheckTemplate(map.Get("template")!, template, format, bag, options, baseDirectory);
        }

        var dataset = Values.Text(map.Get("dataset"), bag, "dataset");
        if (dataset is not null && datasets.Count > 0 && !datasets.Contains(dataset, StringComparer.Ordinal))
        {
            bag.Error(map.Get("dataset")!, $"dataset '{dataset}' is not defined{Suggestions.Hint(dataset, datasets)} (datasets: {string.Join(", ", datasets)})");
        }
        else if (dataset is null && format == OutputFormat.Csv && datasets.Count > 1)
        {
            bag.Error(item, $"a csv output holds one dataset: add 'dataset:' naming one of {string.Join(", ", datasets)}");
        }

        var pageSize = Values.OneOf(map.Get("page_size"), bag, "page_size", PageSizes);
        var author = Values.Text(map.Get("author"), bag, "author");
        var logo = Values.Text(map.Get("logo"), bag, "logo");
        foreach (var key in new[] { "page_size", "author", "logo" })
        {
            if (format is not null and not OutputFormat.Pdf && map.KeyNode(key) is { } keyNode)
            {
                bag.Warning(keyNode, $"'{key}' applies to pdf outputs only; it is ignored for {formatNode!.Value}");
            }
        }

        var rows = Values.PositiveInt(map.Get("rows"), bag, "rows");
        if (format == OutputFormat.Csv && map.KeyNode("rows") is { } rowsKey)
        {
            bag.Warning(rowsKey, "'rows' applies to pdf, html and xlsx outputs; a csv always holds every row, so it is ignored");
        }

        if (logo is not null && !File.Exists(Path.Combine(baseDirectory, logo)))
        {
            bag.Error(map.Get("logo")!, $"logo file '{logo}' not found (paths are relative to the definition's folder {baseDirectory})");
        }

        if (format is null || file is null)
        {
            return null;
        }

        return new OutputDefinition
        {
            Format = format.Value,
            File = file,
            Template = template,
            Dataset = dataset,
            PageSize = pageSize ?? PageSize.A4,
            Author = author,
            Logo = logo,
            Rows = rows,
            Location = bag.Location(item),
        };
    }

    private static void CheckFile(YamlNode node, string file, DiagnosticBag bag)
    {
        var parts = file.Replace('\\', '/').Split('/');
        if (Path.IsPathRooted(file) || parts.Contains(".."))
        {
            bag.Error(node, $"file '{file}' must be a name inside --out (no absolute path, no '..')");
            return;
        }

        if (parts.Where(p => p is not "" and not ".").ToList() is [var only] && ReservedNames.Contains(only))
        {
            // Otherwise found only after the fetch: the run writes these itself, beside the outputs.
            bag.Error(node, $"file '{file}' is the name of a file the run itself writes in --out; give the output another name");
            return;
        }

        ExpressionChecker.CheckTemplate(node, file, "file", bag);
    }

    private static void CheckTemplate(YamlNode node, string template, OutputFormat? format, DiagnosticBag bag, DefinitionLoadOptions options, string baseDirectory)
    {
        if (format is not null and not OutputFormat.Html)
        {
            bag.Error(node, "template applies to html outputs only; remove it");
            return;
        }

        var looksLikePath = template.EndsWith(".sbn", StringComparison.OrdinalIgnoreCase) || template.Contains('/', StringComparison.Ordinal) || template.Contains('\\', StringComparison.Ordinal);
        if (!looksLikePath)
        {
            if (!options.IsBuiltInTemplate(template))
            {
                var builtIns = DefinitionLoadOptions.DefaultBuiltInTemplates.Where(options.IsBuiltInTemplate).ToList();
                bag.Error(node, $"'{template}' is not a built-in template{Suggestions.Hint(template, builtIns)} " +
                    $"(built-ins: {string.Join(", ", builtIns)}; or give the path of a .sbn file)");
            }

            return;
        }

        if (TemplatePlace.Problem(baseDirectory, template) is { } problem)
        {
            bag.Error(node, problem);
        }
        else if (!File.Exists(Path.Combine(baseDirectory, template)))
        {
            bag.Error(node, $"template file '{template}' not found (paths are relative to the definition's folder {baseDirectory})");
        }
    }
}
