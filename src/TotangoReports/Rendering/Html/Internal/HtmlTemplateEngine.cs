using System.Text.RegularExpressions;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;
using TotangoReports.Data;
using TotangoReports.Definition;

namespace TotangoReports.Rendering.Html.Internal;

/// <summary>Resolves, parses and runs one template against one report in a fresh sandboxed context.</summary>
internal sealed class HtmlTemplateEngine(HtmlRendererOptions options)
{
    public void Render(Report report, OutputDefinition output, TextWriter writer, CancellationToken cancellationToken)
    {
        var primary = PrimaryDataset(report, output);
        var (store, main) = Resolve(report.Definition, output);
        var display = store.DisplayPath(main);
        string text;
        try
        {
            text = store.Read(main) ?? throw new RenderException(output.Location, $"template file {display} not found");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RenderException(output.Location, $"cannot read template {display}: {e.Message}");
        }

        RenderText(report, primary, store, display, text, writer, cancellationToken, output.Rows);
    }

    /// <summary>Runs <paramref name="text"/> as a template named <paramref name="display"/>; includes come from <paramref name="store"/>.</summary>
    public void RenderText(Report report, DatasetTable? primary, ITemplateStore store, string display, string text, TextWriter writer, CancellationToken cancellationToken, int? rowLimit = null)
    {
        var template = Template.Parse(text, display);
        if (template.HasErrors)
        {
            throw TemplateErrors.FromParse(template, display);
        }

        using var timeout = new CancellationTokenSource(options.RenderTimeout, options.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var context = new SandboxedTemplateContext(options, report.TimeZone, report.GeneratedAt, new SandboxTemplateLoader(store), linked.Token);
        context.PushGlobal(new TemplateFunctions(report.TimeZone).ToScriptObject());
        context.PushGlobal(TemplateModel.Build(report, primary, options, rowLimit));
        context.PushGlobal(new ScriptObject());
        context.PushOutput(new TextWriterOutput(writer));
        try
        {
            template.Render(context);
        }
        catch (ScriptAbortException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        catch (ScriptAbortException e)
        {
            throw new RenderException(TemplateErrors.Location(e.Span, display), TimeoutMessage());
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            throw new RenderException(TemplateErrors.Location(context.CurrentSpan, display), TimeoutMessage());
        }
        catch (ScriptRuntimeException e)
        {
            throw TemplateErrors.FromRuntime(e, display);
        }
        catch (RegexMatchTimeoutException)
        {
            throw new RenderException(TemplateErrors.Location(context.CurrentSpan, display), "a regular expression took longer than HtmlRendererOptions.RegexTimeout");
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            throw new RenderException(TemplateErrors.Location(context.CurrentSpan, display), e.Message);
        }

        string TimeoutMessage() => SandboxedTemplateContext.TimeoutMessage(options.RenderTimeout);
    }

    private static DatasetTable? PrimaryDataset(Report report, OutputDefinition output)
    {
        if (output.Dataset is null)
        {
            return report.Datasets.Count > 0 ? report.Datasets[0] : null;
        }

        return report.FindDataset(output.Dataset)
            ?? throw new RenderException(output.Location, $"html output {output.File}: dataset '{output.Dataset}' not found; the report has {string.Join(", ", report.Datasets.Select(d => d.Name))}");
    }

    /// <summary>Problems visible without data: a template that is missing or does not parse (partials are read at render time).</summary>
    public static IReadOnlyList<Diagnostic> Check(ReportDefinition definition, OutputDefinition output)
    {
        var (store, main, problem) = Locate(definition, output);
        if (store is null)
        {
            return [new Diagnostic(output.Location, problem!)];
        }

        var display = store.DisplayPath(main);
        string? text;
        try
        {
            text = store.Read(main);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [new Diagnostic(output.Location, $"cannot read template {display}: {e.Message}")];
        }

        if (text is null)
        {
            return [new Diagnostic(output.Location, $"template file {display} not found")];
        }

        var template = Template.Parse(text, display);
        var syntax = ParseProblems(template, display);
        return syntax.Count > 0 ? syntax : StrictProblems(store, template, display);
    }

    private static List<Diagnostic> ParseProblems(Template template, string display) =>
        template.Messages
            .Where(m => m.Type == ParserMessageType.Error)
            .Select(m => new Diagnostic(TemplateErrors.Location(m.Span, display), m.Message))
            .ToList();

    /// <summary>
    /// The template and the partials it includes by literal name, checked strictly against the model: what
    /// validates also renders, and a member typo is an error instead of an empty string.
    /// </summary>
    private static List<Diagnostic> StrictProblems(ITemplateStore store, Template main, string display)
    {
        const int MaxTemplates = 64;
        var problems = new List<Diagnostic>();
        var templates = new List<(Template Template, string Display)> { (main, display) };
        var seen = new HashSet<string>(StringComparer.Ordinal) { display };
        for (var i = 0; i < templates.Count && templates.Count < MaxTemplates; i++)
        {
            foreach (var (name, span) in TemplateChecker.Includes(templates[i].Template.Page))
            {
                var at = TemplateErrors.Location(span, templates[i].Display);
                string? text;
                string partial;
                try
                {
                    var relative = SandboxTemplateLoader.Normalize(name, span);
                    partial = store.DisplayPath(relative);
                    text = seen.Contains(partial) ? string.Empty : store.Read(relative);
                }
                catch (ScriptRuntimeException e)
                {
                    problems.Add(new Diagnostic(at, e.OriginalMessage));
                    continue;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or RenderException)
                {
                    problems.Add(new Diagnostic(at, $"include: {e.Message}"));
                    continue;
                }

                if (text is null)
                {
                    problems.Add(new Diagnostic(at, $"include: partial '{name}' not found in the template's folder ({partial})"));
                }
                else if (seen.Add(partial))
                {
                    var parsed = Template.Parse(text, partial);
                    problems.AddRange(ParseProblems(parsed, partial));
                    templates.Add((parsed, partial));
                }
            }
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        var declared = templates.SelectMany(t => TemplateChecker.DeclaredNames(t.Template.Page)).ToHashSet(StringComparer.Ordinal);
        return templates.SelectMany(t => TemplateChecker.Check(t.Template, t.Display, declared)).ToList();
    }

    private static (ITemplateStore Store, string Main) Resolve(ReportDefinition definition, OutputDefinition output)
    {
        var (store, main, problem) = Locate(definition, output);
        return store is null ? throw new RenderException(output.Location, problem!) : (store, main);
    }

    /// <summary>A built-in name or a path relative to the definition; a problem message instead when it is neither.</summary>
    private static (ITemplateStore? Store, string Main, string? Problem) Locate(ReportDefinition definition, OutputDefinition output)
    {
        var name = string.IsNullOrWhiteSpace(output.Template) ? HtmlRenderer.DefaultTemplate : output.Template.Trim();
        if (BuiltInTemplates.IsBuiltIn(name))
        {
            return (EmbeddedTemplateStore.Instance, name + ".sbn", null);
        }

        var path = Path.GetFullPath(Path.Combine(definition.BaseDirectory, name));
        if (Definition.Internal.TemplatePlace.Problem(definition.BaseDirectory, name) is { } outside)
        {
            return (null, string.Empty, outside);
        }

        if (!File.Exists(path))
        {
            return (null, string.Empty, $"template '{name}' is neither a built-in ({string.Join(", ", BuiltInTemplates.Names)}) nor a file: {path} does not exist");
        }

        return (new DirectoryTemplateStore(Path.GetDirectoryName(path)!), Path.GetFileName(path), null);
    }
}
