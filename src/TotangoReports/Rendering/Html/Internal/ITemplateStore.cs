namespace TotangoReports.Rendering.Html.Internal;

/// <summary>Where a template and its partials live: a folder on disk or the library's embedded built-ins.</summary>
internal interface ITemplateStore
{
    /// <summary>The name shown in error messages for <paramref name="relativePath"/> (a '/'-separated path inside the store).</summary>
    string DisplayPath(string relativePath);

    /// <summary>The template text, or null when the store has no such file.</summary>
    /// <exception cref="RenderException">The path leaves the store (e.g. through a symbolic link).</exception>
    string? Read(string relativePath);
}
