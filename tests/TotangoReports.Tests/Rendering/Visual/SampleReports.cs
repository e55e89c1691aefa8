using Microsoft.Extensions.Time.Testing;
using TotangoReports.Tests.Cli;

namespace TotangoReports.Tests.Rendering.Visual;

/// <summary>
/// The four sample definitions run on the built-in sample data at a fixed instant, each with a pdf and an html
/// output added when it has none, so every sample can be looked at as a reader would.
/// </summary>
internal static class SampleReports
{
    public static readonly string[] Names = ["weekly-usage", "activities-export", "engagement", "inactive-accounts-delta"];

    public static readonly DateTimeOffset At = new(2026, 11, 23, 7, 30, 0, TimeSpan.Zero);

    /// <summary>Renders the sample; returns the paths of its pdf and html output.</summary>
    public static async Task<(string Pdf, string Html)> RenderAsync(CliHarness cli, string name)
    {
        var definition = cli.CopySampleConfig(name + ".yaml");
        var text = File.ReadAllText(definition);
        var added = string.Empty;
        if (!text.Contains("format: pdf", StringComparison.Ordinal))
        {
            added += $"  - {{ format: pdf, file: {name}.pdf }}\n";
        }

        if (!text.Contains("format: html", StringComparison.Ordinal))
        {
            added += $"  - {{ format: html, file: {name}.html }}\n";
        }

        File.WriteAllText(definition, text.Replace("outputs:\n", "outputs:\n" + added, StringComparison.Ordinal));
        cli.Time = new FakeTimeProvider(At);
        var result = await cli.RunAsync("run", definition, "--sample", "--no-email", "--format", "pdf,html", "--out", "out", "--quiet");
        result.ExitCode.ShouldBe(0, result.ToString());
        var files = Directory.GetFiles(cli.PathOf("out"));
        return (files.Single(f => f.EndsWith(".pdf", StringComparison.Ordinal)), files.Single(f => f.EndsWith(".html", StringComparison.Ordinal)));
    }
}
