using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using TotangoReports.Api;
using TotangoReports.Configuration;
using TotangoReports.Tests.Definition;

namespace TotangoReports.Tests.Configuration;

/// <summary>
/// The README's configuration table says what the options classes say: they are the one source of every default,
/// the table a copy checked here.
/// </summary>
public sealed partial class ReadmeDefaultsTests
{
    [Fact]
    public void ReadmeTable_TotangoDefaults_AreTheOptionsDefaults()
    {
        var rows = TableRows().Where(r => r.Keys[0].StartsWith("Totango:", StringComparison.Ordinal)).ToList();
        var defaults = new TotangoOptions();
        var checkedKeys = new List<string>();

        foreach (var row in rows.Where(r => r.Keys[0] != "Totango:ApiToken"))
        {
            row.Defaults.Count.ShouldBe(row.Keys.Count, $"README row {string.Join(", ", row.Keys)}: one default per key");
            for (var i = 0; i < row.Keys.Count; i++)
            {
                var name = row.Keys[i].Replace("Totango:", string.Empty, StringComparison.Ordinal);
                var property = typeof(TotangoOptions).GetProperty(name, BindingFlags.Public | BindingFlags.Instance).ShouldNotBeNull($"README names Totango:{name}, which TotangoOptions does not have");
                Text(property.GetValue(defaults)).ShouldBe(row.Defaults[i], $"Totango:{name}");
                checkedKeys.Add(name);
            }
        }

        checkedKeys.ShouldBe(["BaseUrl", "PageSize", "OffsetMode", "RequestsPerMinute", "MaxConcurrency", "TimeoutSeconds", "MaxRetries"], ignoreOrder: true);
        defaults.ApiToken.ShouldBeNull();
        rows.Single(r => r.Keys[0] == "Totango:ApiToken").Text.ShouldContain("none");
    }

    [Fact]
    public void ReadmeTable_SmtpPort_IsTheOptionsDefault()
    {
        var smtp = TableRows().Single(r => r.Keys[0] == "Smtp:Host");

        smtp.Text.ShouldContain($"port {new SmtpOptions().Port.ToString(CultureInfo.InvariantCulture)} with STARTTLS");
    }

    private static string Text(object? value) => value switch
    {
        Enum e => e.ToString().ToLowerInvariant(),
        Uri u => u.OriginalString,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value?.ToString() ?? "none",
    };

    /// <summary>
    /// Rows of the table under "Configuration and the token": the keys of the first cell (later keys of a cell
    /// share the first one's section), the third cell, and its leading values (before a note in brackets or ';').
    /// </summary>
    private static List<(List<string> Keys, string Text, List<string> Defaults)> TableRows()
    {
        var readme = File.ReadAllText(RepoFiles.PathOf("README.md"));
        var section = readme[readme.IndexOf("## Configuration and the token", StringComparison.Ordinal)..];
        var rows = new List<(List<string>, string, List<string>)>();
        foreach (var line in section.Split('\n').SkipWhile(l => !l.StartsWith("| key", StringComparison.Ordinal)).Skip(2).TakeWhile(l => l.StartsWith('|')))
        {
            var cells = line.Split('|').Select(c => c.Trim()).ToArray();
            var keys = Backticked().Matches(cells[1]).Select(m => m.Groups[1].Value).ToList();
            var prefix = keys[0][..(keys[0].IndexOf(':', StringComparison.Ordinal) + 1)];
            keys = keys.Select(k => k.Contains(':', StringComparison.Ordinal) ? k : prefix + k).ToList();
            var lead = LeadingValues().Match(cells[3]).Value.Replace("`", string.Empty, StringComparison.Ordinal);
            rows.Add((keys, cells[3], lead.Split(", ", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList()));
        }

        return rows;
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Backticked();

    [GeneratedRegex("^[^(;]*?(?=\\s*(\\(|;|$))")]
    private static partial Regex LeadingValues();
}
