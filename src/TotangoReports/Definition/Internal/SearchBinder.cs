using System.Text.Json.Nodes;

namespace TotangoReports.Definition.Internal;

/// <summary>
/// Binds the Search API keys of a <c>source: search</c> dataset. Terms and fields are checked for shape only (a
/// list of maps with a <c>type</c>) and passed through: the API knows more term types than anyone documents.
/// </summary>
internal static class SearchBinder
{
    /// <summary>The dataset keys only a search dataset takes.</summary>
    public static readonly string[] Keys = ["source", "entity", "terms", "fields", "parent_account_fields", "sort_by", "sort_order", "count", "split_by"];

    private static readonly string[] NotForEvents = ["fields", "sort_by", "sort_order", "split_by"];

    private static readonly string[] ListOnlyKeys = ["endpoint", "since", "return"];

    private static readonly (string, SearchEntity)[] Entities = [("accounts", SearchEntity.Accounts), ("users", SearchEntity.Users), ("events", SearchEntity.Events)];

    private static readonly (string, bool)[] Orders = [("ASC", false), ("DESC", true), ("asc", false), ("desc", true)];

    private static readonly (string, bool)[] Sources = [("list", false), ("search", true)];

    /// <summary>True when the dataset says <c>source: search</c>; a bad value is an error (and false).</summary>
    public static bool IsSearch(MapReader map, DiagnosticBag bag) =>
        Values.OneOf(map.Get("source"), bag, "source", Sources) ?? false;

    /// <summary>Reports search keys written on a list dataset: they would be silently ignored otherwise.</summary>
    public static void RejectOnList(MapReader map, DiagnosticBag bag)
    {
        foreach (var key in Keys.Where(k => k != "source" && map.Has(k)))
        {
            bag.Error(map.KeyNode(key)!, $"'{key}' applies to a Search API dataset only: add 'source: search', or remove it");
        }
    }

    /// <summary>A search hit has no stats, users or lifecycle: columns reading them would stay empty forever.</summary>
    public static void RejectListData(IEnumerable<ReturnType> needs, YamlNode nameNode, DiagnosticBag bag, string what)
    {
        foreach (var need in needs.Order())
        {
            var name = need.ToString().ToLowerInvariant();
            bag.Error(nameNode, $"{what} reads the Search API, whose records have no '{name}' data: read it from an active-list dataset, or ask for it as a search field (fields.<name>)");
        }
    }

    public static SearchDefinition? Bind(MapReader map, YamlNode nameNode, DiagnosticBag bag, string what)
    {
        if (map.Has("list"))
        {
            bag.Error(map.KeyNode("list")!, $"{what} reads the Search API (source: search), which has no active list: remove 'list', or remove 'source: search'");
        }

        foreach (var key in ListOnlyKeys.Where(map.Has))
        {
            bag.Error(map.KeyNode(key)!, $"'{key}' applies to active lists only; a search dataset selects with 'terms'");
        }

        var entity = Values.OneOf(map.Get("entity"), bag, "entity", Entities) ?? SearchEntity.Accounts;
        RejectForEntity(map, entity, bag);
        var terms = BindTerms(map, nameNode, bag, what);
        var fields = entity == SearchEntity.Events ? [] : BindFields(map.Get("fields"), bag, "fields");
        var parentFields = entity == SearchEntity.Users ? BindFields(map.Get("parent_account_fields"), bag, "parent_account_fields") : [];
        var count = Values.PositiveInt(map.Get("count"), bag, "count");
        if (count > SearchDefinition.MaxCount)
        {
            bag.Error(map.Get("count")!, $"count is the page size, at most {SearchDefinition.MaxCount} (the API's maximum), found {count}");
        }

        var sortBy = Values.Text(map.Get("sort_by"), bag, "sort_by");
        var descending = Values.OneOf(map.Get("sort_order"), bag, "sort_order", Orders) ?? false;
        var splitBy = BindSplitBy(map.Get("split_by"), fields, bag);
        if (terms is null || fields is null || parentFields is null)
        {
            return null;
        }

        return new SearchDefinition
        {
            Entity = entity,
            TermsJson = terms,
            Fields = fields,
            ParentFields = parentFields,
            Count = Math.Min(count ?? SearchDefinition.MaxCount, SearchDefinition.MaxCount),
            SortBy = sortBy,
            Descending = descending,
            SplitBy = splitBy,
        };
    }

    // Events take no fields (each hit carries what it has) and no sort; parent-account fields belong to users.
    private static void RejectForEntity(MapReader map, SearchEntity entity, DiagnosticBag bag)
    {
        if (entity == SearchEntity.Events)
        {
            foreach (var key in NotForEvents.Where(map.Has))
            {
                var fix = key == "fields"
                    ? "read what each event has by path instead (type, timestamp, properties.subject, note_content.text, account.display_name)"
                    : "events come newest first";
                bag.Error(map.KeyNode(key)!, $"'{key}' does not apply to entity: events (the events API takes fields: [] and pages by page number): remove it; {fix}");
            }
        }

        if (entity != SearchEntity.Users && map.Has("parent_account_fields"))
        {
            bag.Error(map.KeyNode("parent_account_fields")!, "'parent_account_fields' applies to entity: users only (the account fields returned beside each user); for accounts use 'fields'");
        }
    }

    private static string? BindTerms(MapReader map, YamlNode nameNode, DiagnosticBag bag, string what)
    {
        var node = map.Get("terms");
        if (node is null)
        {
            if (map.Has("terms"))
            {
                return "[]";
            }

            bag.Error(nameNode, $"{what} needs 'terms': the Search API filters, e.g. terms: [] for every account, or terms: [{{ type: string, term: status_group, in_list: [paying] }}]");
            return null;
        }

        if (node.Kind != YamlNodeKind.Sequence)
        {
            bag.Error(node, $"terms must be a list of filters (maps with a 'type'), found {node.Describe()}");
            return null;
        }

        var ok = true;
        foreach (var item in node.Items)
        {
            ok &= RequireType(item, bag, "term");
        }

        return ok ? YamlJson.ToJson(node) : null;
    }

    private static List<SearchField>? BindFields(YamlNode? node, DiagnosticBag bag, string key)
    {
        if (node is null)
        {
            return [];
        }

        if (node.Kind != YamlNodeKind.Sequence)
        {
            bag.Error(node, $"{key} must be a list of field specs (maps with a 'name' and a 'type'), found {node.Describe()}");
            return null;
        }

        var result = new List<SearchField>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var ok = true;
        foreach (var item in node.Items)
        {
            if (!RequireType(item, bag, "field"))
            {
                ok = false;
                continue;
            }

            var nameEntry = item.Entries.FirstOrDefault(e => e.Key.Value == "name");
            if (nameEntry.Value is not { Kind: YamlNodeKind.Scalar } nameNode || nameNode.IsNull || nameNode.Value.Trim().Length == 0)
            {
                bag.Error(item, $"a field needs 'name': the key its value gets in the record, read as {(key == "fields" ? "fields" : "account.fields")}.<name>");
                ok = false;
                continue;
            }

            if (!names.Add(nameNode.Value))
            {
                bag.Error(nameNode, $"field name '{nameNode.Value}' is used twice; each field needs its own name");
                ok = false;
                continue;
            }

            result.Add(ToField(item, nameNode.Value));
        }

        return ok ? result : null;
    }

    // The spec sent is the map as written without 'name', which names it in the record instead.
    private static SearchField ToField(YamlNode item, string name)
    {
        var spec = JsonNode.Parse(YamlJson.ToJson(item))!.AsObject();
        spec.Remove("name");
        spec["field_display_name"] ??= name;
        return new SearchField(name, spec.ToJsonString());
    }

    private static bool RequireType(YamlNode item, DiagnosticBag bag, string what)
    {
        if (item.Kind != YamlNodeKind.Mapping)
        {
            bag.Error(item, $"a {what} must be a map with a 'type', found {item.Describe()}");
            return false;
        }

        var type = item.Entries.FirstOrDefault(e => e.Key.Value == "type").Value;
        if (type is not { Kind: YamlNodeKind.Scalar } || type.IsNull || type.Value.Length == 0)
        {
            bag.Error(item, $"a {what} needs 'type' (e.g. string, string_attribute, number_attribute, simple_date_attribute)");
            return false;
        }

        return true;
    }

    private static string? BindSplitBy(YamlNode? node, List<SearchField>? fields, DiagnosticBag bag)
    {
        var name = Values.Text(node, bag, "split_by");
        if (name is null || fields is null)
        {
            return null;
        }

        var field = fields.Find(f => f.Name == name);
        if (field is null)
        {
            var known = fields.Count == 0 ? "; the dataset has no fields yet" : $" ({string.Join(", ", fields.Select(f => f.Name))})";
            bag.Error(node!, $"split_by must name one of the dataset's fields{known}, found '{name}'");
            return null;
        }

        var spec = System.Text.Json.Nodes.JsonNode.Parse(field.SpecJson)!.AsObject();
        var type = spec["type"]?.ToString();
        var ranged = spec["attribute"] is not null || spec["term"] is not null;
        if (type is not ("number_attribute" or "simple_date_attribute" or "date") || !ranged)
        {
            bag.Error(node!, $"split_by needs a number or date field (type number_attribute, simple_date_attribute or date, with its attribute or term); '{name}' is {type}");
            return null;
        }

        return name;
    }
}
