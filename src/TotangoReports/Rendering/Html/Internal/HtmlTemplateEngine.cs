using System.Text.RegularExpressions;
using Scriban;
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
        var (store, main) = Resolve(report, output);
        var display = store.DisplayPath(main);
        string text;
        try
        {
            text = store.Read(main) ?? throw new RenderException(output.Location, $"template file {display} not found");
        }
        catch (IOException e)
        {
            throw new RenderException(output.Location, $"cannot read template {display}: {e.Message}");
        }
        catch (UnauthorizedAccessException e)
        {
            throw new RenderException(output.Location, $"cannot read template {display}: {e.Message}");
        }

        RenderText(report, primary, store, display, text, writer, cancellationToken);
    }

    /// <summary>Runs <paramref name="text"/> as a template named <paramref name="display"/>; includes come from <paramref name="store"/>.</summary>
    public void RenderText(Report report, DatasetTable? primary, ITemplateStore store, string display, string text, TextWriter writer, CancellationToken cancellationToken)
    {
        var template = Template.Parse(text, display);
        if (template.HasErrors)
        {
            throw TemplateErrors.FromParse(template, display);
        }

        using var timeout = new CancellationTokenSource(options.RenderTimeout, options.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var context = new SandboxedTemplateContext(options, report.TimeZone, new SandboxTemplateLoader(store), linked.Token);
        context.PushGlobal(new TemplateFunctions(report.TimeZone).ToScriptObject());
        context.PushGlobal(TemplateModel.Build(report, primary, options));
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

        string TimeoutMessage() => $"the template ran longer than {options.RenderTimeout} and was stopped (HtmlRendererOptions.RenderTimeout)";
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

    private static (ITemplateStore Store, string Main) Resolve(Report report, OutputDefinition output)
    {
        var name = string.IsNullOrWhiteSpace(output.Template) ? HtmlRenderer.DefaultTemplate : output.Template.Trim();
        if (BuiltInTemplates.IsBuiltIn(name))
        {
            return (EmbeddedTemplateStore.Instance, name + ".sbn");
        }

        var path = Path.GetFullPath(Path.Combine(report.Definition.BaseDirectory, name));
        if (!File.Exists(path))
        {
            throw new RenderException(output.Location, $"template '{name}' is neither a built-in ({string.Join(", ", BuiltInTemplates.Names)}) nor a file: {path} does not exist");
        }

        return (new DirectoryTemplateStore(Path.GetDirectoryName(path)!), Path.GetFileName(path));
    }
}
