using TotangoReports.Definition.Internal;

namespace TotangoReports.Rendering.Html.Internal;

/// <summary>Templates in one folder on disk; nothing outside it (after resolving links) can be read.</summary>
internal sealed class DirectoryTemplateStore : ITemplateStore
{
    private readonly string _directory;
    private readonly string _realDirectory;

    public DirectoryTemplateStore(string directory)
    {
        _directory = Path.GetFullPath(directory);
        _realDirectory = RealPath.Resolve(_directory);
    }

    public string DisplayPath(string relativePath) => Path.Combine(_directory, relativePath.Replace('/', Path.DirectorySeparatorChar));

    public string? Read(string relativePath)
    {
        var path = DisplayPath(relativePath);
        var real = RealPath.Resolve(path);
        if (!RealPath.IsUnder(real, _realDirectory))
        {
            throw new RenderException($"'{relativePath}' resolves to {real}, outside the template folder {_realDirectory}; partials must live in the template's own folder");
        }

        return File.Exists(real) ? File.ReadAllText(real) : null;
    }
}
