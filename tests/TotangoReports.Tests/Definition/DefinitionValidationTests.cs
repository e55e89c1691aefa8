using TotangoReports.Definition;

namespace TotangoReports.Tests.Definition;

/// <summary>Every validation rule: a valid base definition with one mistake injected, and where it is reported.</summary>
public sealed class DefinitionValidationTests
{
    // Line 8 is the first line of DATASET (indented as a dataset key), line 11 the first of TOP.
    private const string Template = """
        title: Validation
        datasets:
          accounts:
            list: 1
            columns:
              - { name: Account, path: name }
              - { name: Score, path: engagement.score.current }
        DATASET
        outputs:
          - { format: xlsx, file: out.xlsx }
        TOP
        """;

    private static string Compose(string dataset, string top) =>
        Template.Replace("DATASET", Indent(dataset, "    "), StringComparison.Ordinal).Replace("TOP", top, StringComparison.Ordinal);

    private static DefinitionParseResult Parse(string dataset = "", string top = "", DefinitionLoadOptions? options = null) =>
        DefinitionLoader.Parse(Compose(dataset, top), "v.yaml", options);

    /// <summary>1-based line and column of <paramref name="marker"/>'s first occurrence inside the injected snippet.</summary>
    private static (int Line, int Column) PositionOf(string text, string snippet, string marker)
    {
        var snippetStart = text.IndexOf(snippet.Split('\n')[0], StringComparison.Ordinal);
        var index = text.IndexOf(marker, snippetStart, StringComparison.Ordinal);
        var lineStart = text.LastIndexOf('\n', index) + 1;
        return (text[..index].Count(c => c == '\n') + 1, index - lineStart + 1);
    }

    private static string Indent(string text, string indent) =>
        string.Join('\n', text.Split('\n').Select(l => l.Length == 0 ? l : indent + l));

    private static Diagnostic SingleError(DefinitionParseResult result)
    {
        result.Success.ShouldBeFalse();
        return result.Diagnostics.Where(d => d.IsError).ShouldHaveSingleItem();
    }

    [Fact]
    public void Base_IsValid()
    {
        var result = Parse();

        result.Diagnostics.ShouldBeEmpty();
        result.Definition!.Datasets[0].Return.ShouldBe([ReturnType.Summary]);
    }

    [Theory]
    [InlineData("filtr: Score < 5", "filtr", "unknown key 'filtr' in dataset 'accounts' — did you mean 'filter'?")]
    [InlineData("sort: Scroe", "Scroe", "sort key 'Scroe' is not a column of dataset 'accounts' — did you mean 'Score'?")]
    [InlineData("sort: [Account, '-Nope']", "Nope", "sort key 'Nope' is not a column")]
    [InlineData("limit: 0", "0", "limit must be a positive whole number, found '0'")]
    [InlineData("limit: ten", "ten", "limit must be a positive whole number, found 'ten'")]
    [InlineData("limit: '12'", "'12'", "limit must be a number, not text: write 12 without quotes")]
    [InlineData("limit: [1]", "[", "limit must be a positive whole number, found a list")]
    [InlineData("endpoint: later", "later", "endpoint must be one of current, recent, past, found 'later'")]
    [InlineData("endpoint: recent", "recent", "reads the recent endpoint, which needs 'since'")]
    [InlineData("endpoint: past\nsince: yesterday", "yesterday", "since 'yesterday' is not understood")]
    [InlineData("endpoint: past\nsince: 2026-13-01", "2026-13-01", "since '2026-13-01' is not understood")]
    [InlineData("return: [stats, history]", "history", "return must be one of stats, users, lifecycle, all, found 'history'")]
    [InlineData("return: []", "[", "return must name at least one of stats, users, lifecycle")]
    [InlineData("return: users\nactivities: { names: [login] }", "users", "the columns read 'stats' data, but return doesn't fetch it")]
    [InlineData("filter: 'Score <'", "Score", "filter is not a valid Scriban expression")]
    [InlineData("filter: 'row[\"Scor\"] > 1'", "row", "filter reads row[\"Scor\"], which is not a column of dataset 'accounts' — did you mean 'Score'?")]
    [InlineData("filter: { a: 1 }", "{", "filter must be text, found a map")]
    [InlineData("activities: { windows: [past_1days] }", "past_1days", "'past_1days' is not an API window — did you mean 'past_1d'?")]
    [InlineData("activities: { windows: [] }", "[", "activities.windows must list at least one window")]
    [InlineData("activities: { names: [login, Login] }", "Login", "activity 'Login' is listed twice")]
    [InlineData("activities: [login]", "[", "activities of dataset 'accounts' must be a map (key: value), found a list")]
    [InlineData("group: { by: Regin }", "Regin", "group.by 'Regin' is not a column of dataset 'accounts'")]
    [InlineData("group: { aggregates: { n: count } }", "{", "group.by is required")]
    [InlineData("group: { by: Account, aggregates: { Avg: avg(Scor) } }", "Scor", "aggregate 'Avg' reads 'Scor', which is not a column of dataset 'accounts' — did you mean 'Score'?")]
    [InlineData("group: { by: Account, aggregates: { X: 'Score +' } }", "Score", "aggregate 'X' is not a valid Scriban expression")]
    [InlineData("group: { by: Account, aggregates: { X: ~ } }", "~", "aggregate 'X' needs an expression")]
    [InlineData("group: { by: Account, aggregates: { X: count, X: count } }", "X: count }", "duplicate aggregate 'X'")]
    public void DatasetMistakes_AreReportedWhereWritten(string dataset, string marker, string message)
    {
        var text = Compose(dataset, string.Empty);

        var diagnostic = SingleError(DefinitionLoader.Parse(text, "v.yaml"));

        diagnostic.Message.ShouldContain(message);
        (diagnostic.Location.Line, diagnostic.Location.Column).ShouldBe(PositionOf(text, dataset, marker), diagnostic.ToString());
    }

    [Theory]
    [InlineData("titel: x", "titel", "unknown key 'titel' in a report definition — did you mean 'title'?")]
    [InlineData("timezone: Mars/Olympus", "Mars", "timezone 'Mars/Olympus' is not known on this system")]
    [InlineData("parameters: { my-region: x }", "my-region", "parameter name 'my-region' must be an identifier")]
    [InlineData("parameters: { region: { default: x, desc: y } }", "desc", "unknown key 'desc' in parameter 'region' — did you mean 'description'?")]
    [InlineData("parameters: [a, b]", "[", "parameters must be a map (key: value), found a list")]
    [InlineData("delivery: { email: { to: [nobody] } }", "nobody", "'nobody' in to is not an email address")]
    [InlineData("delivery: { email: { cc: [a@example.com] } }", "{ cc", "delivery.email needs 'to'")]
    [InlineData("delivery: { email: { to: a@example.com, attach: [pdf] } }", "pdf", "attach names pdf, but no output has format pdf")]
    [InlineData("delivery: { email: { to: a@example.com, body: html } }", "html", "body: html needs an html output")]
    [InlineData("delivery: { email: { to: a@example.com, body: text } }", "text", "body must be html or summary, found 'text'")]
    [InlineData("delivery: { email: { to: a@example.com, body: summary, subject: '{{ date + }}' } }", "}}", "subject is not a valid Scriban template")]
    [InlineData("delivery: { mail: { to: a@example.com } }", "mail", "unknown key 'mail' in delivery — did you mean 'email'?")]
    [InlineData("delivery: { email: { to: a@example.com, when: on-change } }", "on-change", "delivery.email.when must be one of always, not-empty, changed, found 'on-change'")]
    [InlineData("burst: { by: Owner }", "Owner", "burst.by: 'Owner' is not a column of dataset 'accounts' (the summary dataset)")]
    [InlineData("burst: { by: Account, to: Emial }", "Emial", "burst.to: 'Emial' is not a column of dataset 'accounts'")]
    [InlineData("burst: { by: Account, recipients: nowhere.yaml }", "nowhere", "burst.recipients: file 'nowhere.yaml' not found beside the definition")]
    [InlineData("burst: { by: Account, rollup: maybe }", "maybe", "burst.rollup must be true or false")]
    [InlineData("burst: { to: Account }", "{ to", "burst.by")]
    [InlineData("checks: [ 'rows.acounts > 0' ]", "acounts", "check 'rows.acounts > 0': 'acounts' is not a dataset (known: accounts) — did you mean 'accounts'?")]
    [InlineData("checks: [ 'previous_rows.users == null' ]", "users", "'users' is not a dataset")]
    [InlineData("checks: [ 'kpis[\"Acounts\"] > 0' ]", "Acounts", "'Acounts' is not a KPI label")]
    [InlineData("checks: [ 'rows.accounts >' ]", "rows", "check 'rows.accounts >' is not a valid Scriban expression")]
    [InlineData("checks: 'rows.accounts > 0'", "'rows", "checks must be a list of expressions")]
    public void TopLevelMistakes_AreReportedWhereWritten(string top, string marker, string message)
    {
        var text = Compose(string.Empty, top);

        var diagnostic = SingleError(DefinitionLoader.Parse(text, "v.yaml"));

        diagnostic.Message.ShouldContain(message);
        (diagnostic.Location.Line, diagnostic.Location.Column).ShouldBe(PositionOf(text, top, marker), diagnostic.ToString());
    }

    [Theory]
    [InlineData("- { name: X, path: engagment.score }", "'engagment' is not a key of an account record — did you mean 'engagement'?", "engagment")]
    [InlineData("- { name: X, path: engagement.scor.current }", "'scor' is not a key of 'engagement' — did you mean 'score'?", "scor.")]
    [InlineData("- { name: X, path: stats.users.past_1days.all }", "'past_1days' is not a key of 'stats.users' — did you mean 'past_1d'?", "past_1days")]
    [InlineData("- { name: X, path: users.name }", "'users' is a list: pick an item by index", "name }")]
    [InlineData("- { name: X, path: name.first }", "'name' is a single value, it has nothing below it", "first")]
    [InlineData("- { name: X, path: 'lifecycle.history[0].state' }", "'state' is not a key of an item of 'lifecycle.history' (known keys: status, changed)", "state")]
    [InlineData("- { name: X, path: 'attributes[\"Plan Type\"' }", "path 'attributes[\"Plan Type\"' is not valid: expected ']' after the quoted key", "[\"Plan")]
    [InlineData("- { name: X, path: a..b }", "path 'a..b' is not valid: empty key", ".b")]
    [InlineData("- { name: X }", "column 'X' needs a 'path' (a field of the account) or an 'expr'", "{")]
    [InlineData("- { name: X, path: name, expr: '1' }", "column 'X' has both 'path' and 'expr'", "expr")]
    [InlineData("- { path: name }", "a column's name is required", "{")]
    [InlineData("- { name: X, expr: '1 +' }", "expr of column 'X' is not a valid Scriban expression", "1 +")]
    [InlineData("- { name: X, expr: 'row[\"Acount\"]' }", "expr of column 'X' reads row[\"Acount\"], which is not a column of dataset 'accounts' — did you mean 'Account'?", "row")]
    [InlineData("- { name: X, path: name, type: string }", "type must be one of text, number, date, datetime, found 'string'", "string")]
    [InlineData("- { name: Account, path: account_id }", "duplicate column name 'Account' in dataset 'accounts' (first at line 6)", "Account")]
    [InlineData("- [name, path]", "a column of dataset 'accounts' must be a map (key: value), found a list", "[")]
    public void ColumnMistakes_AreReportedAtTheirColumn(string column, string message, string marker)
    {
        var text = Template.Replace("DATASET", "      " + column, StringComparison.Ordinal).Replace("TOP", string.Empty, StringComparison.Ordinal);

        var diagnostic = SingleError(DefinitionLoader.Parse(text, "v.yaml"));

        diagnostic.Message.ShouldContain(message);
        (diagnostic.Location.Line, diagnostic.Location.Column).ShouldBe(PositionOf(text, column, marker), diagnostic.ToString());
    }

    [Fact]
    public void ScribanErrorInBlockScalar_IsMappedToItsFileLine()
    {
        var result = Parse("filter: |\n  Score > 1 &&\n  (Score <");

        var diagnostic = result.Diagnostics.ShouldHaveSingleItem(string.Join("\n", result.Diagnostics));

        // Scriban ends a statement at a newline: the error is at the end of the "&&" line (9), after 6 + 12 characters.
        diagnostic.ToString().ShouldStartWith("v.yaml:9:19: filter is not a valid Scriban expression");
    }

    [Fact]
    public void Expression_ReadingAnUndeclaredParameter_IsAnError()
    {
        var text = Compose("filter: 'Account == params.regin'", "parameters: { region: EMEA }");

        var diagnostic = SingleError(DefinitionLoader.Parse(text, "v.yaml"));

        diagnostic.Message.ShouldBe("filter reads params.regin, but no parameter 'regin' is declared under parameters — did you mean 'region'?");
        (diagnostic.Location.Line, diagnostic.Location.Column).ShouldBe(PositionOf(text, "filter:", "regin"));
    }

    [Fact]
    public void Expression_ReadingAnUnknownName_IsAWarningWithAHint()
    {
        var text = Compose("filter: 'Scroe < 50'", string.Empty);

        var result = DefinitionLoader.Parse(text, "v.yaml");

        result.Success.ShouldBeTrue();
        var warning = result.Diagnostics.ShouldHaveSingleItem();
        warning.Severity.ShouldBe(DiagnosticSeverity.Warning);
        warning.Message.ShouldContain("filter reads 'Scroe', which is not a column");
        warning.Message.ShouldContain("did you mean 'Score'?");
        (warning.Location.Line, warning.Location.Column).ShouldBe(PositionOf(text, "filter:", "Scroe"));
    }

    [Theory]
    [InlineData("filter: 'account.stats.last_activity > 0 && string.size(Account) > 2'")]
    [InlineData("filter: 'for u in account.users; n = (n ?? 0) + 1; end; n > 1'")]
    [InlineData("filter: 'row[\"Score\"] > math.abs(-1) && date.now != null'")]
    public void Expression_ReadingKnownNames_HasNoDiagnostics(string dataset)
    {
        var result = Parse(dataset);

        result.Diagnostics.ShouldBeEmpty(string.Join("\n", result.Diagnostics));
    }

    [Fact]
    public void Since_AcceptsEveryDocumentedForm()
    {
        foreach (var since in new[] { "7d", "24h", "2026-11-01", "1356912000", "last-run" })
        {
            var result = Parse($"endpoint: recent\nsince: {since}");

            result.Diagnostics.ShouldBeEmpty(since);
            result.Definition!.Datasets[0].Since.ShouldBe(since);
        }
    }

    [Fact]
    public void Since_TinyUnixSeconds_IsAWarningWithAHint()
    {
        var result = Parse("endpoint: recent\nsince: 7");

        result.Success.ShouldBeTrue();
        var warning = result.Diagnostics.ShouldHaveSingleItem();
        warning.Severity.ShouldBe(DiagnosticSeverity.Warning);
        warning.Message.ShouldContain("write '7d'");
    }

    [Fact]
    public void List_AcceptsDigitStrings_AndRefusesOtherText()
    {
        var quoted = DefinitionLoader.Parse(Template.Replace("list: 1", "list: \"0042\"", StringComparison.Ordinal)
            .Replace("DATASET", string.Empty, StringComparison.Ordinal).Replace("TOP", string.Empty, StringComparison.Ordinal), "v.yaml");
        var named = DefinitionLoader.Parse(Template.Replace("list: 1", "list: my-list", StringComparison.Ordinal)
            .Replace("DATASET", string.Empty, StringComparison.Ordinal).Replace("TOP", string.Empty, StringComparison.Ordinal), "v.yaml");

        quoted.Definition!.Datasets[0].List.ShouldBe("0042");
        SingleError(named).ToString().ShouldBe("v.yaml:4:11: list must be an active-list id (digits, e.g. 1004), found 'my-list'");
    }

    [Fact]
    public void DuplicateDatasetNames_AreAnError()
    {
        const string text = """
            title: Dup
            datasets:
              accounts: { list: 1, columns: [{ name: A, path: name }] }
              accounts: { list: 2, columns: [{ name: A, path: name }] }
            outputs: [{ format: xlsx, file: out.xlsx }]
            """;

        var diagnostic = SingleError(DefinitionLoader.Parse(text, "dup.yaml"));

        diagnostic.ToString().ShouldBe("dup.yaml:4:3: duplicate dataset name 'accounts' in datasets (first at line 3)");
    }

    [Fact]
    public void RequiredTopLevelKeys_AreEachReported()
    {
        var result = DefinitionLoader.Parse("description: nothing else\n", "min.yaml");

        result.Diagnostics.Select(d => d.Message).ShouldBe(
        [
            "title is required",
            "datasets must define at least one dataset, e.g. datasets: { accounts: { list: 1004, columns: [...] } }",
            "outputs must list at least one output, e.g. - { format: xlsx, file: report.xlsx }",
        ]);
    }

    [Theory]
    [InlineData("- { format: pdf }", "{", "an output's file is required")]
    [InlineData("- { file: x.csv }", "{", "an output needs 'format'")]
    [InlineData("- { format: csv, file: x.csv, dataset: acounts }", "acounts", "dataset 'acounts' is not defined — did you mean 'accounts'?")]
    [InlineData("- { format: xlsx, file: ../x.xlsx }", "../", "must be a name inside --out")]
    [InlineData("- { format: xlsx, file: '/tmp/x.xlsx' }", "'/tmp", "must be a name inside --out")]
    [InlineData("- { format: xlsx, file: 'x-{{ date + }}.xlsx' }", "}}", "file is not a valid Scriban template")]
    [InlineData("- {format: xlsx, file: out.xlsx}", "{", "two outputs write 'out.xlsx' (first at line 10)")]
    [InlineData("- { format: pdf, file: x.pdf, page_size: A5 }", "A5", "page_size must be one of A4, Letter, found 'A5'")]
    [InlineData("- { format: html, file: x.html, template: exec-sumary }", "exec-sumary", "'exec-sumary' is not a built-in template — did you mean 'exec-summary'?")]
    [InlineData("- { format: html, file: x.html, template: missing/custom.sbn }", "missing", "template file 'missing/custom.sbn' not found")]
    [InlineData("- { format: csv, file: x.csv, template: accounts }", "accounts", "template applies to html outputs only")]
    [InlineData("- { format: pdf, file: x.pdf, logo: no-such-logo.png }", "no-such", "logo file 'no-such-logo.png' not found")]
    public void OutputMistakes_AreReportedWhereWritten(string output, string marker, string message)
    {
        var text = Compose(string.Empty, "  " + output);

        var diagnostic = SingleError(DefinitionLoader.Parse(text, "v.yaml"));

        diagnostic.Message.ShouldContain(message);
        (diagnostic.Location.Line, diagnostic.Location.Column).ShouldBe(PositionOf(text, output, marker), diagnostic.ToString());
    }

    [Fact]
    public void CsvOutput_WithSeveralDatasets_MustNameOne()
    {
        const string text = """
            title: Two
            datasets:
              a: { list: 1, columns: [{ name: A, path: name }] }
              b: { list: 2, columns: [{ name: B, path: name }] }
            outputs:
              - { format: csv, file: a.csv }
            """;

        var diagnostic = SingleError(DefinitionLoader.Parse(text, "two.yaml"));

        diagnostic.ToString().ShouldBe("two.yaml:6:5: a csv output holds one dataset: add 'dataset:' naming one of a, b");
    }

    [Fact]
    public void UnavailableFormat_IsAClearError()
    {
        var options = new DefinitionLoadOptions { AvailableFormats = new HashSet<OutputFormat> { OutputFormat.Xlsx, OutputFormat.Csv } };

        var diagnostic = SingleError(Parse(top: "  - { format: pdf, file: x.pdf }", options: options));

        diagnostic.ToString().ShouldBe("v.yaml:11:15: output format 'pdf' is not available in this build");
    }

    [Fact]
    public void BuiltInTemplates_ComeFromTheOptions()
    {
        var options = new DefinitionLoadOptions { BuiltInTemplateExists = name => name == "board-pack" };

        var custom = Parse(top: "  - { format: html, file: x.html, template: board-pack }", options: options);
        var usual = Parse(top: "  - { format: html, file: x.html, template: accounts }", options: options);

        custom.Diagnostics.ShouldBeEmpty();
        SingleError(usual).Message.ShouldContain("'accounts' is not a built-in template");
    }

    [Fact]
    public void TemplateFile_BesideTheDefinition_IsAccepted()
    {
        var dir = Directory.CreateTempSubdirectory("def-tpl-");
        try
        {
            Directory.CreateDirectory(Path.Combine(dir.FullName, "templates"));
            File.WriteAllText(Path.Combine(dir.FullName, "templates", "mine.sbn"), "{{ report.title }}");
            var path = Path.Combine(dir.FullName, "r.yaml");
            File.WriteAllText(path, Template.Replace("DATASET", string.Empty, StringComparison.Ordinal)
                .Replace("TOP", "  - { format: html, file: x.html, template: templates/mine.sbn }", StringComparison.Ordinal));

            var result = DefinitionLoader.Load(path);

            result.Diagnostics.ShouldBeEmpty();
            result.Definition!.Outputs[1].Template.ShouldBe("templates/mine.sbn");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void PdfOnlyKeys_OnOtherFormats_AreWarnings()
    {
        var result = Parse(top: "  - { format: csv, file: x.csv, author: me }");

        result.Success.ShouldBeTrue();
        result.Diagnostics.ShouldHaveSingleItem().Severity.ShouldBe(DiagnosticSeverity.Warning);
    }

    [Fact]
    public void WrongTypes_NameTheExpectedType()
    {
        var result = DefinitionLoader.Parse("title: [a]\ndatasets: [a]\noutputs: { format: xlsx }\n", "types.yaml");

        result.Diagnostics.Select(d => d.ToString()).ShouldBe(
        [
            "types.yaml:1:8: title must be text, found a list",
            "types.yaml:2:11: datasets must be a map (key: value), found a list",
            "types.yaml:3:10: outputs must be a list of { format, file }, found a map",
        ]);
    }
}
