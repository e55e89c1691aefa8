using TotangoReports.Data;
using TotangoReports.Definition;
using static TotangoReports.Tests.Data.DataKit;

namespace TotangoReports.Tests.Data;

public sealed class ExpressionTests
{
    private static string Account(string id, double users30, string licenses, string region = "EMEA") => $$"""
        { "account_id": "{{id}}", "name": "Acme {{id}}",
          "engagement": { "score": { "current": 40 } },
          "attributes": { "Licenses": "{{licenses}}", "Region": "{{region}}", "Plan Type": "Pro" },
          "stats": { "users": { "past_30d": { "all": {{users30}} } } } }
        """;

    [Fact]
    public void Utilisation_DividesRowColumnByStringLicenses_AsFraction()
    {
        var dataset = Dataset(
            Path("Users 30d", "stats.users.past_30d.all", ColumnType.Number),
            Expr("Utilisation", "row[\"Users 30d\"] / (account.attributes.Licenses | string.to_int)"));

        var (table, warnings) = Build(dataset, Account("a", 45, "90"));

        warnings.ShouldBeEmpty();
        table.Columns[1].Kind.ShouldBe(CellKind.Number);
        ((double)table.Cell(0, "Utilisation")!).ShouldBe(0.5, 1e-12);
    }

    [Fact]
    public void PlainIdentifierColumns_AreVisibleBare_AndEarlierComputedColumnsToo()
    {
        var dataset = Dataset(
            Path("Score", "engagement.score.current"),
            Expr("Double", "Score * 2"),
            Expr("Plus one", "Double + 1"),
            Expr("Via row", "row[\"Plus one\"] * 10"));

        var (table, _) = Build(dataset, Account("a", 1, "1"));

        table.Cell(0, "Double").ShouldBe(80d);
        table.Cell(0, "Plus one").ShouldBe(81d);
        table.Cell(0, "Via row").ShouldBe(810d);
    }

    [Fact]
    public void Params_AndBracketedAccountKeys_AreReadable()
    {
        var dataset = Dataset(Expr("Label", "params.prefix + \":\" + account.attributes[\"Plan Type\"]"));
        var context = Context(parameters: new Dictionary<string, string> { ["prefix"] = "plan" });

        var (table, _) = Build(dataset, context, Account("a", 1, "1"));

        table.Columns[0].Kind.ShouldBe(CellKind.Text);
        table.Cell(0, "Label").ShouldBe("plan:Pro");
    }

    [Fact]
    public void DivisionByZero_IsEmptyCell_WithOneWarningNamingColumnAndFirstAccount()
    {
        var dataset = Dataset(
            Path("Users 30d", "stats.users.past_30d.all", ColumnType.Number),
            Expr("Utilisation", "row[\"Users 30d\"] / (account.attributes.Licenses | string.to_int)"));

        var (table, warnings) = Build(dataset, Account("ok", 10, "20"), Account("zero1", 10, "0"), Account("zero2", 3, "0"));

        table.ColumnValues("Utilisation").ShouldBe([0.5, null, null]);
        var warning = warnings.ShouldHaveSingleItem();
        warning.ShouldContain("Utilisation");
        warning.ShouldContain("zero1");
        warning.ShouldContain("2 accounts");
    }

    [Fact]
    public void RuntimeError_IsEmptyCell_AndNeverThrows()
    {
        var dataset = Dataset(Expr("Bad", "account.attributes.Licenses | math.divided_by 0"), Expr("Also bad", "1 + [1, 2]"));

        var (table, warnings) = Build(dataset, Account("a", 1, "5"));

        table.Cell(0, "Bad").ShouldBeNull();
        table.Cell(0, "Also bad").ShouldBeNull();
        warnings.Count.ShouldBe(2);
        warnings.ShouldAllBe(w => w.Contains("'a'"));
    }

    [Fact]
    public void MissingVariables_AreNull_NotErrors()
    {
        var (table, warnings) = Build(Dataset(Expr("Nothing", "account.attributes.Nope ?? row[\"Missing\"]")), Account("a", 1, "1"));

        table.Cell(0, "Nothing").ShouldBeNull();
        warnings.ShouldBeEmpty();
    }

    [Fact]
    public void UnparsableExpression_IsEmptyColumn_WithWarning()
    {
        var (table, warnings) = Build(Dataset(Expr("Broken", "1 +* (")), Account("a", 1, "1"));

        table.Cell(0, "Broken").ShouldBeNull();
        warnings.ShouldHaveSingleItem().ShouldContain("Broken");
    }

    [Fact]
    public void NumberType_ParsesNumericTextResults()
    {
        var (table, _) = Build(Dataset(Expr("Licenses", "account.attributes.Licenses", ColumnType.Number)), Account("a", 1, "90"));

        table.Columns[0].Kind.ShouldBe(CellKind.Number);
        table.Cell(0, "Licenses").ShouldBe(90d);
    }

    [Fact]
    public void InfiniteLoop_IsStoppedByLoopLimit()
    {
        var (table, warnings) = Build(Dataset(Expr("Spin", "x = 0; while true; x = x + 1; end; x")), Account("a", 1, "1"));

        table.Cell(0, "Spin").ShouldBeNull();
        warnings.ShouldHaveSingleItem().ShouldContain("Spin");
    }

    [Fact]
    public void WholeAccount_CanBeUsed()
    {
        var (table, _) = Build(Dataset(Expr("Keys", "account | object.keys | array.size")), Account("a", 1, "1"));

        table.Cell(0, "Keys").ShouldBe(5d);
    }

    [Fact]
    public void Expressions_SeeDatesAsDates()
    {
        var dataset = Dataset(Path("Renewal", "attributes.Renewal", ColumnType.Date), Expr("Year", "Renewal.year"));

        var (table, _) = Build(dataset, """{ "account_id": "a", "attributes": { "Renewal": "2026-04-22" } }""");

        table.Cell(0, "Year").ShouldBe(2026d);
    }

    [Fact]
    public void Assignments_DoNotLeakFromOneRowToTheNext()
    {
        var dataset = Dataset(Expr("Counter", "counter = (counter ?? 0) + 1; counter"), Expr("Clobber", "row = 5; Score = 1; 2"), Path("Score", "engagement.score.current"), Expr("After", "row.Score"));

        var (table, _) = Build(dataset, Account("a", 1, "1"), Account("b", 1, "1"), Account("c", 1, "1"));

        table.ColumnValues("Counter").ShouldBe([1d, 1d, 1d]);
        table.ColumnValues("After").ShouldBe([40d, 40d, 40d]);
    }

    [Fact]
    public void Expressions_ParseAndFormatInvariantly_WhateverTheMachineCulture()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            var dataset = Dataset(Expr("Ratio", "\"1.5\" | string.to_float"), Expr("Shown", "\"\" + 2.5"));

            var (table, _) = Build(dataset, Account("a", 1, "1"));

            table.Cell(0, "Ratio").ShouldBe(1.5);
            table.Cell(0, "Shown").ShouldBe("2.5");
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Warnings_StartWithWhereTheExpressionIsWritten()
    {
        var column = new TotangoReports.Definition.ColumnDefinition
        {
            Name = "Ratio",
            Expr = "Score / 0",
            Location = new TotangoReports.Definition.SourceLocation("weekly.yaml", 12, 9),
        };

        var (_, warnings) = Build(Dataset(Path("Score", "engagement.score.current"), column), Account("a", 1, "1"));

        warnings.ShouldHaveSingleItem().ShouldStartWith("weekly.yaml:12:9: ");
    }
}
