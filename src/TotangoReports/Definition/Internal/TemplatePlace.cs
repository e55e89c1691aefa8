namespace TotangoReports.Definition.Internal;

/// <summary>
/// Where an html template file may come from: a file inside the definition's own folder (after resolving every
/// symbolic link). A template is code that runs and writes what it reads into the page and the mail, so
/// <c>template: /proc/self/environ</c> would publish the token and the SMTP password.
/// </summary>
internal static class TemplatePlace
{
    /// <summary>Null when <paramref name="template"/> may be used; otherwise what is wrong and what to do.</summary>
    public static string? Problem(string baseDirectory, string template)
    {
        var folder = Rendering.Html.Internal.RealPath.Resolve(baseDirectory);
        string real;
        try
        {
            real = Rendering.Html.Internal.RealPath.Resolve(Path.Combine(baseDirectory, template));
        }
        catch (IOException ex)
        {
            return $"template '{template}': {ex.Message}";
        }

        if (!Rendering.Html.Internal.RealPath.IsUnder(real, folder))
        {
            var via = string.Equals(real, Path.GetFullPath(Path.Combine(baseDirectory, template)), StringComparison.Ordinal) ? string.Empty : $" (it leads to {real})";
            return $"template '{template}' is outside the definition's folder {folder}{via}; templates and partials must be files inside it — copy the template there (totango-reports templates init DIR copies the built-ins)";
        }

        if (Directory.Exists(real) || (File.Exists(real) && (File.GetAttributes(real) & FileAttributes.Device) != 0))
        {
            return $"template '{template}' is not a regular file; name a .sbn file";
        }

        return null;
    }
}
