using TotangoReports.Definition;

namespace TotangoReports.Rendering;

/// <summary>A user-facing rendering problem (a template error, a missing dataset), reported as <c>file:line:col: message</c>.</summary>
public sealed class RenderException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RenderException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public RenderException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception, prefixing the message with <paramref name="location"/>.</summary>
    public RenderException(SourceLocation location, string message)
        : base($"{location}: {message}")
    {
        Location = location;
    }

    /// <summary>Where in the definition the problem is, when known.</summary>
    public SourceLocation? Location { get; }
}
