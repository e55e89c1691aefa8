using System.Text;
using TotangoReports.Data;
using TotangoReports.Definition;
using TotangoReports.Rendering.Csv;
using TotangoReports.Tests.Rendering.Xlsx;
using static TotangoReports.Tests.Data.DataKit;

namespace TotangoReports.Tests.Data;

/// <summary>
/// Issue #14 item 12: a JSON integer above 2^53 in an auto column is an id; read as a double it silently became its
/// neighbour (12345678901234567890 → 12345678901234567168). It keeps its exact digits in the table, the CSV and the XLSX.
/// </summary>
public sealed class ExactIdTests
{
    private const string BigId = "12345678901234567890";
    private const string JustAbove = "9007199254740993";

    private static DatasetDefinition Ids() => Dataset(
        Path("Id", "account_id"),
        Path("External", "attributes.external_id"),
        Path("Seats", "attributes.seats"),
        Expr("Copied", "account.account_id"),
        Expr("External copy", "account.attributes.external_id"));

    private static (DatasetTable Table, IReadOnlyList<string> Warnings) Table() => Build(
        Ids(),
        $$$"""{"account_id": {{{BigId}}}, "attributes": {"external_id": {{{JustAbove}}}, "seats": 12}}""",
        """{"account_id": 42, "attributes": {"external_id": -9007199254740995, "seats": 9007199254740992}}""");

    [Fact]
    public void Integers_above_2_pow_53_keep_their_digits_as_text()
    {
        var (table, warnings) = Table();

        warnings.ShouldBeEmpty();
        table.Rows[0].AccountId.ShouldBe(BigId);
        table.Cell(0, "Id").ShouldBe(BigId);
        table.Cell(1, "Id").ShouldBe("42");
        table.Columns[table.ColumnIndex("Id")].Kind.ShouldBe(CellKind.Text);
        table.Cell(0, "External").ShouldBe(JustAbove);
        table.Cell(1, "External").ShouldBe("-9007199254740995");
        table.Cell(0, "Copied").ShouldBe(BigId);
        table.Cell(0, "External copy").ShouldBe(JustAbove);
        table.Columns[table.ColumnIndex("Copied")].Kind.ShouldBe(CellKind.Text);

        // 2^53 itself is exact: a quantity, still a number.
        table.Cell(1, "Seats").ShouldBe(9007199254740992d);
        table.Columns[table.ColumnIndex("Seats")].Kind.ShouldBe(CellKind.Number);
    }

    [Fact]
    public void A_numeric_string_above_2_pow_53_keeps_the_column_text()
    {
        var (table, _) = Build(Dataset(Path("Id", "account_id")), $$"""{"account_id": "{{BigId}}"}""", """{"account_id": "7"}""");

        table.Columns[0].Kind.ShouldBe(CellKind.Text);
        table.ColumnValues("Id").ShouldBe([BigId, "7"]);
    }

    [Fact]
    public async Task Csv_and_xlsx_cells_hold_the_exact_digits()
    {
        var (table, _) = Table();
        var report = XlsxTestWorkbook.WithDatasets(table);

        using var stream = new MemoryStream();
        await new CsvRenderer().RenderAsync(report, new OutputDefinition { Format = OutputFormat.Csv, File = "ids.csv", Dataset = table.Name }, stream, TestContext.Current.CancellationToken);
        var lines = Encoding.UTF8.GetString(stream.ToArray()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[1].ShouldStartWith($"{BigId},{JustAbove},12,{BigId},{JustAbove}");

        using var workbook = await XlsxTestWorkbook.RenderAsync(report);
        var sheet = workbook.Worksheet(table.Name);
        sheet.Cell(2, 1).GetString().ShouldBe(BigId);
        sheet.Cell(2, 2).GetString().ShouldBe(JustAbove);
        sheet.Cell(2, 4).GetString().ShouldBe(BigId);
        sheet.Cell(3, 2).GetString().ShouldBe("-9007199254740995");
    }

    [Fact]
    public void IdAndNameColumns_HoldTheAccountsOwnStrings_NotSecondCopies()
    {
        // Arrange: names too long for the short-text pool, as real account names often are.
        var name = "Acme Incorporated, the very long legal name of a customer";

        // Act
        var (table, _) = Build(Dataset(Path("Id", "account_id"), Path("Account", "name")), $$"""{"account_id": "acct-1", "name": "{{name}}"}""");

        // Assert
        table.Cell(0, "Account").ShouldBe(name);
        ReferenceEquals(table.Cell(0, "Id"), table.Rows[0].AccountId).ShouldBeTrue("the id column shares the row's id");
        ReferenceEquals(table.Cell(0, "Account"), table.Accounts[0].Name).ShouldBeTrue("the name column shares the account's name");
    }
}
