using System.Text.RegularExpressions;
using Scriban.Runtime;
using TotangoReports.Fixtures;
using TotangoReports.Rendering.Html;
using TotangoReports.Rendering.Html.Internal;

namespace TotangoReports.Tests.Rendering.Html;

/// <summary>
/// templates/README.md documents the template model by example: each <c>```scriban</c> block is followed by an
/// <c>```html</c> block with its exact output. Every example is rendered here and compared.
/// </summary>
public sealed partial class TemplateReadmeTests
{
    public static TheoryData<int, string, string> Examples()
    {
        var data = new TheoryData<int, string, string>();
        var examples = ReadExamples();
        for (var i = 0; i < examples.Count; i++)
        {
            data.Add(i + 1, examples[i].Template, examples[i].Expected);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void DocumentedExample_RendersExactlyAsDocumented(int number, string template, string expected)
    {
        var report = TestReports.Accounts(3);

        var actual = HtmlTestKit.RenderText(report, template);

        actual.TrimEnd('\n').ShouldBe(expected, $"README example {number}:\n{template}");
    }

    [Fact]
    public void Readme_PairsEveryTemplateSnippetWithItsOutput()
    {
        var text = File.ReadAllText(ReadmePath());

        var snippets = Regex.Count(text, "^```scriban$", RegexOptions.Multiline);

        snippets.ShouldBeGreaterThan(30);
        ReadExamples().Count.ShouldBe(snippets);
    }

    [Fact]
    public void Readme_HasAnExampleForEveryVariableAndFunction()
    {
        var report = TestReports.Accounts(3);
        var model = TemplateModel.Build(report, report.Datasets[0], new HtmlRendererOptions());
        var names = new SortedSet<string>(StringComparer.Ordinal) { "include" };
        CollectNames(model, names);
        names.UnionWith(new TemplateFunctions(report.TimeZone).ToScriptObject().Keys);
        var snippets = string.Join("\n", ReadExamples().Select(e => e.Template));

        var undocumented = names.Where(n => !Regex.IsMatch(snippets, $@"(?<![\w-]){Regex.Escape(n)}(?![\w-])")).ToList();

        undocumented.ShouldBeEmpty();
    }

    private static void CollectNames(object? value, SortedSet<string> names)
    {
        switch (value)
        {
            case ScriptArray a:
                foreach (var child in a)
                {
                    CollectNames(child, names);
                }

                break;
            case IScriptObject o:
                foreach (var key in o.GetMembers())
                {
                    o.TryGetValue(null, default, key, out var child);
                    names.Add(key);

                    // Keys of these are data (column, parameter and aggregate names), not part of the model.
                    if (key is not ("values" or "params" or "aggregates") || child is not ScriptObject)
                    {
                        CollectNames(child, names);
                    }
                }

                break;
        }
    }

    private static List<(string Template, string Expected)> ReadExamples()
    {
        var text = File.ReadAllText(ReadmePath()).Replace("\r\n", "\n", StringComparison.Ordinal);
        return ExamplePair().Matches(text).Select(m => (m.Groups["template"].Value, m.Groups["expected"].Value)).ToList();
    }

    private static string ReadmePath() => Path.Combine(BuiltInTemplatesTests.RepositoryRoot(), "templates", "README.md");

    [GeneratedRegex("^```scriban\\n(?<template>.*?)\\n```\\n+```html\\n(?<expected>.*?)\\n```$", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex ExamplePair();
}
