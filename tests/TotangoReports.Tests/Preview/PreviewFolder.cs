using TotangoReports.Preview;
using TotangoReports.Tests.Rendering.Html;

namespace TotangoReports.Tests.Preview;

/// <summary>
/// A definition with its own template and partial in a temporary folder, and a preview of it on a free loopback
/// port with 60 sample accounts. Saving goes through <see cref="Save"/>, which writes like an editor does.
/// </summary>
internal sealed class PreviewFolder : IAsyncDisposable
{
    public const string Definition = """
        title: Preview test
        timezone: UTC
        datasets:
          accounts:
            list: 1
            columns:
              - { name: Account, path: name }
              - { name: Score, path: engagement.score.current, type: number, format: "0" }
        outputs:
          - { format: html, file: report.html, template: report.sbn }
          - { format: xlsx, file: report.xlsx }
          - { format: csv, file: report.csv, dataset: accounts }
        """;

    public static string Template(string colour) => $$$"""
        <!doctype html>
        <html><head><style>h1 { color: {{{colour}}}; }</style></head>
        <body><h1>{{ report.title }}</h1>
        <p>{{ dataset.row_count }} accounts</p>
        {{ include "_footer.sbn" }}
        </body></html>
        """;

    private readonly TempDirectory _folder = new();

    public string DefinitionPath => Path.Combine(_folder.Path, "report.yaml");

    public string TemplatePath => Path.Combine(_folder.Path, "report.sbn");

    public PreviewHost Host { get; private set; } = null!;

    public static async Task<PreviewFolder> StartAsync(string? definition = null, string? template = null, ReportEngineOptions? engine = null, ReportSource? source = null)
    {
        var folder = new PreviewFolder();
        folder._folder.Write("report.yaml", definition ?? Definition);
        folder._folder.Write("report.sbn", template ?? Template("#112233"));
        folder._folder.Write("_footer.sbn", "<footer>made by the test</footer>\n");
        folder.Host = await PreviewHost.StartAsync(new PreviewOptions
        {
            DefinitionPath = folder.DefinitionPath,
            Port = 0,
            Source = source ?? ReportSource.Sample(accounts: 60, seed: 7),
            Engine = engine ?? new ReportEngineOptions(),
        });
        return folder;
    }

    /// <summary>Writes a file the way editors save: a whole new content in one write.</summary>
    public static void Save(string path, string text) => File.WriteAllText(path, text);

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        _folder.Dispose();
    }
}
