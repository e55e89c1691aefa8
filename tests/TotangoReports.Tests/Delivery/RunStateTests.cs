using TotangoReports.Delivery;

namespace TotangoReports.Tests.Delivery;

public sealed class RunStateTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("state-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Load_MissingFile_GivesEmptyState()
    {
        RunState.Load(Path.Combine(_folder, "none.json")).Datasets.ShouldBeEmpty();
    }

    [Fact]
    public void Save_ThenLoad_RoundTripsEveryDataset()
    {
        var path = Path.Combine(_folder, "state.json");
        var state = new RunState();
        state.Datasets["inactive"] = new DatasetRunState { LastRun = 1_764_000_000 };

        state.Save(path);

        RunState.Load(path).Datasets["inactive"].LastRun.ShouldBe(1_764_000_000);
        Directory.GetFiles(_folder).ShouldBe([path]);
    }

    [Fact]
    public void Load_CorruptFile_NamesTheFileAndLine_InsteadOfResetting()
    {
        var path = Path.Combine(_folder, "state.json");
        File.WriteAllText(path, "{\n  \"datasets\": {\n    \"x\": { \"lastRun\": oops }\n");

        var error = Should.Throw<InvalidDataException>(() => RunState.Load(path));

        error.Message.ShouldStartWith(path + ":3:");
        error.Message.ShouldContain("delete it");
    }

    [Fact]
    public void DefaultPath_IsBesideTheDefinition()
    {
        RunState.DefaultPath("/reports/defs/delta.yaml").ShouldBe("/reports/defs/.totango-reports-state.json");
    }
}
