using TotangoReports.Delivery;

namespace TotangoReports.Tests.Delivery;

public sealed class StagedOutputsTests : IDisposable
{
    private readonly string _out = Directory.CreateTempSubdirectory("staged-").FullName;

    public void Dispose() => Directory.Delete(_out, recursive: true);

    [Fact]
    public void Commit_MovesEveryFileIntoPlace_AndLeavesNoTemporaryFiles()
    {
        using (var staged = new StagedOutputs(_out))
        {
            using (var a = staged.Create("report.csv", "csv"))
            {
                a.Write("a,b\n"u8);
            }

            using (var b = staged.Create("sub/report.html", "html"))
            {
                b.Write("<p>x</p>"u8);
            }

            staged.Seal();
            staged.Commit();
            staged.Files[0].Bytes.ShouldBe(4);
            staged.Files[0].Sha256.Length.ShouldBe(64);
        }

        File.ReadAllText(Path.Combine(_out, "report.csv")).ShouldBe("a,b\n");
        File.ReadAllText(Path.Combine(_out, "sub", "report.html")).ShouldBe("<p>x</p>");
        Directory.GetFiles(_out, "*.tmp", SearchOption.AllDirectories).ShouldBeEmpty();
    }

    [Fact]
    public void Dispose_WithoutCommit_LeavesThePreviousReportByteIdentical()
    {
        var previous = Path.Combine(_out, "report.csv");
        File.WriteAllText(previous, "old report");

        using (var staged = new StagedOutputs(_out))
        {
            using var stream = staged.Create("report.csv", "csv");
            stream.Write("half a new rep"u8);

            // A failure in a later stage: the run never commits.
        }

        File.ReadAllText(previous).ShouldBe("old report");
        Directory.GetFiles(_out).ShouldBe([previous]);
    }

    [Theory]
    [InlineData("../escape.csv")]
    [InlineData("sub/../../escape.csv")]
    [InlineData("/etc/passwd")]
    [InlineData("")]
    public void Create_RefusesPathsOutsideTheOutputFolder(string path)
    {
        using var staged = new StagedOutputs(_out);

        Should.Throw<UnauthorizedAccessException>(() => staged.Create(path, "csv"));
    }

    [Fact]
    public void Create_SameFileTwice_IsRefused()
    {
        using var staged = new StagedOutputs(_out);
        staged.Create("a.csv", "csv").Dispose();

        Should.Throw<IOException>(() => staged.Create("a.csv", "csv")).Message.ShouldContain("a.csv");
    }

    [Fact]
    public void Commit_FailingHalfway_RestoresEveryPreviousFile_AndLeavesNoTemporaryOrBackupFiles()
    {
        File.WriteAllText(Path.Combine(_out, "a.csv"), "old a");
        File.WriteAllText(Path.Combine(_out, "c.csv"), "old c");

        // b's final path is a folder: the second move fails after the first one succeeded.
        Directory.CreateDirectory(Path.Combine(_out, "b.csv"));
        using (var staged = new StagedOutputs(_out))
        {
            foreach (var name in new[] { "a.csv", "b.csv", "c.csv" })
            {
                using var stream = staged.Create(name, "csv");
                stream.Write("new"u8);
            }

            staged.Seal();
            Should.Throw<IOException>(staged.Commit);
        }

        File.ReadAllText(Path.Combine(_out, "a.csv")).ShouldBe("old a");
        File.ReadAllText(Path.Combine(_out, "c.csv")).ShouldBe("old c");
        Directory.GetFiles(_out).Select(Path.GetFileName).Order().ShouldBe(["a.csv", "c.csv"]);
    }
}
