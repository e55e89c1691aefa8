using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace TotangoReports.Rendering.Html.Internal;

/// <summary>
/// A fixed-shape, read-only template object. Rows and cells are the bulk of a large page, and a
/// <see cref="ScriptObject"/> (a dictionary each) per cell cost more than the rendering itself; these compute
/// their members on demand. They are data only: Scriban reads them through <see cref="IScriptObject"/>, never
/// through reflection, so nothing else of them is reachable.
/// </summary>
internal abstract class ReadOnlyModel : IScriptObject
{
    public abstract IReadOnlyList<string> Keys { get; }

    public int Count => Keys.Count;

    public bool IsReadOnly
    {
        get => true;
        set
        {
            // Always read-only: templates compute new values into their own variables.
        }
    }

    public IEnumerable<string> GetMembers() => Keys;

    public bool Contains(string member) => Keys.Contains(member, StringComparer.Ordinal);

    public bool TryGetValue(TemplateContext? context, SourceSpan span, string member, out object? value) => TryGet(member, out value);

    public bool CanWrite(string member) => false;

    public bool TrySetValue(TemplateContext? context, SourceSpan span, string member, object? value, bool readOnly) => false;

    public bool Remove(string member) => false;

    public void SetReadOnly(string member, bool readOnly)
    {
        // Nothing to change: every member is read-only.
    }

    public IScriptObject Clone(bool deep) => this;

    protected abstract bool TryGet(string member, out object? value);
}
