using System.Text.Json;
using TotangoReports.Delivery;
using TotangoReports.Tests.Rendering.Html;

namespace TotangoReports.Tests.Burst;

/// <summary>Burst values are untrusted text: every one ends in its own safe folder inside --out.</summary>
public sealed class BurstFolderTests
{
    private static readonly string[] Hostile =
    [
        "../..", "..", ".", "CON", "con", "nul.txt", "COM1", new string('x', 300), new string('x', 300) + "y",
        "שלום עולם", "مرحبا", "\u202Eevil\u202C", "🚀", "🚀🚀", "Alice", "alice", "ALICE", "a/b", "a\\b", "a:b*?", "run.json",
        ".outbox", "\t", "ab", "a b", "a-b",
    ];

    [Fact]
    public void Assign_HostileValues_FoldersAreSafeDistinctAndInside()
    {
        // Arrange
        var outDir = Path.Combine(Path.GetTempPath(), "tr-burst-folders");
        using var staged = new StagedOutputs(outDir);

        // Act
        var folders = BurstFolders.Assign(Hostile, ["run.json", ".outbox"]);

        // Assert
        folders.Count.ShouldBe(Hostile.Length);
        folders.Values.Select(f => f.ToUpperInvariant()).ShouldBeUnique();
        foreach (var (value, folder) in folders)
        {
            folder.Length.ShouldBeInRange(1, BurstFolders.MaxLength + 65, value);
            folder.ShouldNotStartWith(".");
            folder.IndexOfAny(['/', '\\', ':', '*', '?', '"', '<', '>', '|', '\t', '\u202E']).ShouldBe(-1, folder);
            folder.ShouldNotBeOneOf("CON", "con", "COM1", "NUL", "run.json", ".outbox");
            Path.GetDirectoryName(staged.ResolveInside(folder + "/book.csv")).ShouldBe(Path.Combine(Path.GetFullPath(outDir), folder));
        }

        folders["Alice"].ShouldNotBe(folders["alice"]);
        folders["שלום עולם"].ShouldStartWith("שלום-עולם");
        folders["ab"].ShouldBe("ab");
    }

    [Theory]
    [InlineData("by-../...csv", "by-../...csv")]
    [InlineData("../x.csv", "_/x.csv")]
    [InlineData("a/./b.csv", "a/_/b.csv")]
    public void SafeFileName_DotSegments_StayInside(string name, string expected) =>
        BurstFolders.SafeFileName(name).ShouldBe(expected);

    [Theory]
    [InlineData('x')]
    [InlineData('ש')]
    [InlineData('株')]
    public void SafeFileName_LongSegment_CutToWhatADiskTakes_KeepingItsExtension_AndDistinct(char letter)
    {
        // Act
        var one = BurstFolders.SafeFileName(new string(letter, 300) + ".csv");
        var other = BurstFolders.SafeFileName(new string(letter, 301) + ".csv");

        // Assert
        System.Text.Encoding.UTF8.GetByteCount(one).ShouldBeLessThanOrEqualTo(BurstFolders.MaxFileNameBytes);
        one.ShouldEndWith(".csv");
        one.ShouldNotBe(other);
    }

    [Fact]
    public void Assign_SameValues_SameFolders_RunAfterRun()
    {
        // Act
        var first = BurstFolders.Assign(Hostile, []);
        var second = BurstFolders.Assign([.. Hostile.Reverse()], []);

        // Assert: a value's folder does not depend on the order the values came in.
        foreach (var value in Hostile)
        {
            second[value].ShouldBe(first[value]);
        }
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Run_HostileOwnerValues_EachInItsOwnFolderInsideOut_EmptyGoesToRollUpOnly()
    {
        // Arrange: owners picked from the hostile list (and the empty value) by account number.
        using var folder = new TempDirectory();
        var values = Hostile.Append(string.Empty).ToArray();
        var list = string.Join(", ", values.Select(v => JsonSerializer.Serialize(v)));
        var text = BurstKit.Definition
            .Replace("""'"owner" + ((string.to_int (string.slice id 1)) % 50)'""", $"'[{list.Replace("'", "''", StringComparison.Ordinal)}] | array.offset ((string.to_int (string.slice id 1)) % {values.Length}) | array.first'", StringComparison.Ordinal)
            .Replace("burst: { by: Owner, to: Owner email }", "burst: { by: Owner }", StringComparison.Ordinal)
            .Replace("  - { format: csv, file: book.csv }", "  - { format: csv, file: book.csv }\n  - { format: csv, file: 'by-{{ burst.value }}.csv' }", StringComparison.Ordinal);
        var definition = ReportEngine.ParseDefinition(text, Path.Combine(folder.Path, "book.yaml"));
        var output = Path.Combine(folder.Path, "out");

        // Act
        var result = await new ReportEngine().RunAsync(definition, ReportSource.Sample(accounts: 300, seed: 3), new RunOptions { OutputDirectory = output, SendEmail = false }, TestContext.Current.CancellationToken);

        // Assert: one folder per non-empty value, each inside out, no file anywhere else.
        var bursts = result.Manifest.Bursts!;
        bursts.Select(b => b.Value).Order(StringComparer.Ordinal).ShouldBe(values.Where(v => v.Trim().Length > 0).Order(StringComparer.Ordinal));
        bursts.Select(b => b.Folder.ToUpperInvariant()).ShouldBeUnique();
        Directory.GetFileSystemEntries(folder.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal).ShouldBe(["out"]);
        foreach (var burst in bursts)
        {
            var csv = Path.Combine(output, burst.Folder, "book.csv");
            File.Exists(csv).ShouldBeTrue(burst.Value);
            (File.ReadAllLines(csv).Length - 1).ShouldBe(burst.Rows);
        }

        bursts.Sum(b => b.Rows).ShouldBeLessThan(result.Report.Datasets[0].Rows.Count);

        // Even a file name made from the value ('by-{{ burst.value }}.csv') stays in that value's folder.
        var folders = bursts.Select(b => b.Folder).ToHashSet(StringComparer.Ordinal);
        var topLevel = new[] { "book.xlsx", "book.csv", "by-.csv", "run.json", ".totango-reports.lock" };
        foreach (var file in Directory.GetFiles(output, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(output, f)))
        {
            var first = file.Split(Path.DirectorySeparatorChar)[0];
            (folders.Contains(first) || topLevel.Contains(file)).ShouldBeTrue(file);
        }

        result.Manifest.Outputs.Count(o => o.Path.StartsWith(bursts[0].Folder + "/", StringComparison.Ordinal)).ShouldBe(3);
    }
}
