using TotangoReports.Definition;

namespace TotangoReports.Rendering;

/// <summary>A user-facing rendering problem (a template error, a missing dataset), reported as <c>file:line:col: message</c>.</summary>
public sealed class RenderException : Exception
{
    public RenderException(string message)
        : base(message)
    {
    }

    public RenderException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RenderException(SourceLocation location, string message)
        : base($"{location}: {message}")
    {
        Location = location;
    }

    public SourceLocation? Location { get; }
}
