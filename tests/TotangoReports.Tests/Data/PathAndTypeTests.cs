using TotangoReports.Data;
using TotangoReports.Definition;
using static TotangoReports.Tests.Data.DataKit;

namespace TotangoReports.Tests.Data;

public sealed class PathAndTypeTests
{
    private const string Barksdale = """
        { "account_id": "a4949", "name": "Barksdale industries",
          "engagement": { "score": { "change": -29.0, "current": 35 }, "health": { "current": "Poor" } },
          "attributes": { "Region": "Baltimore", "Plan Type": "Pro", "Renewal-Date": "2012-04-22", "Licenses": "90",
                          "Flag": true, "Tags": ["a", "b"], "Owner": { "name": "Ann" } },
          "users": [ { "name": "avon@x.com" }, { "name": "stringer@x.com" } ],
          "stats": { "last_activity": 1334661220000 } }
        """;

    [Fact]
    public void Paths_ReadDashedBracketedAndIndexedKeys()
    {
        var dataset = Dataset(
            Path("Renewal", "attributes.Renewal-Date", ColumnType.Text),
            Path("Plan", "attributes[\"Plan Type\"]"),
            Path("Second user", "users[1].name"));

        var (table, _) = Build(dataset, Barksdale);

        table.Cell(0, "Renewal").ShouldBe("2012-04-22");
        table.Cell(0, "Plan").ShouldBe("Pro");
        table.Cell(0, "Second user").ShouldBe("stringer@x.com");
    }

    [Theory]
    [InlineData("attributes.Missing")]
    [InlineData("nothing.at.all")]
    [InlineData("users[7].name")]
    [InlineData("name.deeper")]
    public void Paths_Absent_GiveEmptyCell_AndAWarningOnlyBecauseNoAccountHasThem(string path)
    {
        // An absent path is an empty cell, never an error; that no account at all has it is the one warning
        // (PRODUCT.md §4b; a record lacking it while others have it warns nothing, see DataFitWarningTests).
        var (table, warnings) = Build(Dataset(Path("X", path, ColumnType.Number)), Barksdale);

        table.Cell(0, "X").ShouldBeNull();
        warnings.ShouldHaveSingleItem().ShouldContain($"column 'X': path '{path}' is in none of the 1 accounts fetched");
    }

    [Fact]
    public void Auto_NumbersAndNumericStrings_BecomeNumberColumn()
    {
        var dataset = Dataset(Path("Score", "engagement.score.current"), Path("Licenses", "attributes.Licenses"));

        var (table, _) = Build(dataset, Barksdale, """{ "account_id": "b", "engagement": { "score": { "current": "2" } }, "attributes": { "Licenses": 12.5 } }""");

        table.Columns[0].Kind.ShouldBe(CellKind.Number);
        table.Columns[1].Kind.ShouldBe(CellKind.Number);
        table.ColumnValues("Score").ShouldBe([35d, 2d]);
        table.ColumnValues("Licenses").ShouldBe([90d, 12.5d]);
    }

    [Fact]
    public void Auto_MixedValues_BecomeTextColumn_KeepingNumbersAsText()
    {
        var (table, _) = Build(
            Dataset(Path("Region", "attributes.Region")),
            """{ "account_id": "a", "attributes": { "Region": 7 } }""",
            """{ "account_id": "b", "attributes": { "Region": "EMEA" } }""");

        table.Columns[0].Kind.ShouldBe(CellKind.Text);
        table.ColumnValues("Region").ShouldBe(["7", "EMEA"]);
    }

    [Fact]
    public void BooleansObjectsAndArrays_BecomeText()
    {
        var dataset = Dataset(Path("Flag", "attributes.Flag"), Path("Tags", "attributes.Tags"), Path("Owner", "attributes.Owner"));

        var (table, _) = Build(dataset, Barksdale);

        table.Cell(0, "Flag").ShouldBe("true");
        table.Cell(0, "Tags").ShouldBe("""["a","b"]""");
        table.Cell(0, "Owner").ShouldBe("""{"name":"Ann"}""");
    }

    [Fact]
    public void Number_NonNumeric_IsEmpty_WithOneWarningCountingAccounts()
    {
        var (table, warnings) = Build(
            Dataset(Path("Licenses", "attributes.Licenses", ColumnType.Number)),
            """{ "account_id": "a1", "attributes": { "Licenses": "ninety" } }""",
            """{ "account_id": "a2", "attributes": { "Licenses": "1,000" } }""",
            """{ "account_id": "a3", "attributes": { "Licenses": " 42 " } }""");

        table.ColumnValues("Licenses").ShouldBe([null, null, 42d]);
        warnings.Count.ShouldBe(1);
        warnings[0].ShouldContain("Licenses");
        warnings[0].ShouldContain("2 accounts");
        warnings[0].ShouldContain("a1");
    }

    [Fact]
    public void Date_ReadsIsoTextAndUnixMilliseconds_InReportZone()
    {
        // 2026-03-01T03:30Z is still 28 February in Los Angeles.
        var ms = new DateTimeOffset(2026, 3, 1, 3, 30, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        var dataset = Dataset(Path("Renewal", "attributes.Renewal-Date", ColumnType.Date), Path("Seen", "stats.seen", ColumnType.Date));

        var (table, _) = Build(dataset, Context("America/Los_Angeles"), $$"""{ "account_id": "a", "attributes": { "Renewal-Date": "2026-04-22" }, "stats": { "seen": {{ms}} } }""");

        table.Columns[0].Kind.ShouldBe(CellKind.Date);
        table.Cell(0, "Renewal").ShouldBe(new DateOnly(2026, 4, 22));
        table.Cell(0, "Seen").ShouldBe(new DateOnly(2026, 2, 28));
    }

    [Theory]
    // Berlin: winter UTC+1, summer (after 29 March 2026 01:00Z) UTC+2.
    [InlineData("2026-01-15T10:00:00Z", 11, 1)]
    [InlineData("2026-03-29T00:59:00Z", 1, 1)]
    [InlineData("2026-03-29T01:00:00Z", 3, 2)]
    [InlineData("2026-07-01T10:00:00Z", 12, 2)]
    public void DateTime_FromUnixMilliseconds_ConvertsToReportZone_AcrossDst(string utc, int localHour, int offsetHours)
    {
        var instant = DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture);
        var dataset = Dataset(Path("Last", "stats.last_activity", ColumnType.DateTime));

        var (table, _) = Build(dataset, Context("Europe/Berlin"), $$"""{ "account_id": "a", "stats": { "last_activity": "{{instant.ToUnixTimeMilliseconds()}}" } }""");

        var cell = table.Cell(0, "Last").ShouldBeOfType<DateTimeOffset>();
        cell.Hour.ShouldBe(localHour);
        cell.Offset.ShouldBe(TimeSpan.FromHours(offsetHours));
        cell.UtcDateTime.ShouldBe(instant.UtcDateTime);
    }

    [Fact]
    public void Columns_KeepNameFormatAndDefinitionOrder()
    {
        var dataset = Dataset(Path("Name", "name", ColumnType.Text), Path("Score", "engagement.score.current", ColumnType.Number, "0"));

        var (table, _) = Build(dataset, Barksdale);

        table.Columns.Select(c => c.Name).ShouldBe(["Name", "Score"]);
        table.Columns[1].Format.ShouldBe("0");
        table.Rows[0].AccountId.ShouldBe("a4949");
    }

    [Fact]
    public void InvalidPath_IsEmptyColumn_WithWarning()
    {
        var (table, warnings) = Build(Dataset(Path("Bad", "a..b")), Barksdale);

        table.Cell(0, "Bad").ShouldBeNull();
        warnings.ShouldHaveSingleItem().ShouldContain("'a..b'");
    }
}
