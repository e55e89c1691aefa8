namespace TotangoReports.Tests.Definition;

/// <summary>Files of the repository checkout the tests run from (sample-config, schema).</summary>
internal static class RepoFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    public static IEnumerable<string> SampleConfigs() =>
        Directory.GetFiles(PathOf("sample-config"), "*.yaml").Order(StringComparer.Ordinal);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TotangoReports.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("TotangoReports.sln not found above " + AppContext.BaseDirectory);
    }
}
