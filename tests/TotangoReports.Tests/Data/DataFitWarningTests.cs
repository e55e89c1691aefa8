using TotangoReports.Data;
using TotangoReports.Definition;
using static TotangoReports.Tests.Data.DataKit;

namespace TotangoReports.Tests.Data;

/// <summary>When the data does not fit the definition the run says so: a path, activity or window no account has.</summary>
public sealed class DataFitWarningTests
{
    private const string First = """{ "account_id": "a1", "name": "A", "attributes": { "Region": "EMEA", "Plan": "Pro" }, "stats": { "activities": { "past_7d": { "all": 3, "actions": { "login": 3 } } } } }""";
    private const string Second = """{ "account_id": "a2", "name": "B", "attributes": { "Region": "NA", "Renewal-Date": "2027-01-01" } }""";

    [Fact]
    public void PathNoAccountHas_WarnsNamingTheColumnAndTheNearestKeys()
    {
        var dataset = Dataset(Path("Account", "name"), Path("Region", "attributes.Regoin"));

        var (table, warnings) = Build(dataset, First, Second);

        table.ColumnValues("Region").ShouldAllBe(v => v == null);
        warnings.ShouldHaveSingleItem().ShouldBe(
            "dataset 'accounts': column 'Region': path 'attributes.Regoin' is in none of the 2 accounts fetched ('attributes' has Region, Plan, Renewal-Date); the column is empty.");
    }

    [Fact]
    public void PathSomeAccountsHave_IsNoWarning()
    {
        var (_, warnings) = Build(Dataset(Path("Renewal", "attributes.Renewal-Date", ColumnType.Date)), First, Second);

        warnings.ShouldBeEmpty();
    }

    [Fact]
    public void ActivityOrWindowNoAccountHas_Warns()
    {
        var dataset = Dataset(Path("Account", "name")) is var d
            ? new DatasetDefinition { Name = d.Name, List = d.List, Return = d.Return, Columns = d.Columns, Activities = new ActivitiesDefinition { Names = ["login", "logout"], Windows = ["past_7d", "past_90d"] } }
            : null!;

        var (_, warnings) = Build(dataset, First, Second);

        warnings.ShouldBe(
        [
            "dataset 'accounts': activity window 'past_90d' is in none of the 2 accounts fetched (the data has past_7d); its columns are 0.",
            "dataset 'accounts': activity 'logout' was performed by none of the 2 accounts fetched in any window; its columns are 0.",
        ]);
    }
}
