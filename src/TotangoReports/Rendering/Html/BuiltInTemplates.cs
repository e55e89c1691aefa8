using System.Reflection;
using System.Text;

namespace TotangoReports.Rendering.Html;

/// <summary>
/// The templates shipped inside the library (<c>exec-summary</c>, <c>accounts</c> and their partials), so an
/// installed tool has them; <c>templates init DIR</c> copies them out for analysts to customise.
/// </summary>
internal static class BuiltInTemplates
{
    internal const string ResourcePrefix = "templates/";

    private static readonly Assembly Assembly = typeof(BuiltInTemplates).Assembly;

    /// <summary>'/'-separated path inside the templates folder → manifest resource name.</summary>
    private static readonly IReadOnlyDictionary<string, string> Resources = Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
        .ToDictionary(n => n[ResourcePrefix.Length..].Replace('\\', '/'), n => n, StringComparer.Ordinal);

    /// <summary>Names usable as an output's <c>template:</c> (partials, whose file names start with <c>_</c>, excluded).</summary>
    public static IReadOnlyList<string> Names { get; } = Resources.Keys
        .Where(p => !p.Contains('/', StringComparison.Ordinal) && !p.StartsWith('_') && p.EndsWith(".sbn", StringComparison.Ordinal))
        .Select(p => p[..^".sbn".Length])
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>Every file the built-ins consist of, as '/'-separated paths relative to the templates folder.</summary>
    internal static IReadOnlyList<string> AllFiles { get; } = Resources.Keys.Order(StringComparer.Ordinal).ToList();

    /// <summary>
    /// Writes every built-in template file into <paramref name="directory"/> (created if missing). Unless
    /// <paramref name="overwrite"/>, nothing is written when any of the files already exists.
    /// </summary>
    /// <exception cref="IOException">A file exists and <paramref name="overwrite"/> is false; the message names it.</exception>
    public static void CopyTo(string directory, bool overwrite)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var targets = AllFiles
            .Select(rel => (Rel: rel, Path: Path.Combine(directory, rel.Replace('/', Path.DirectorySeparatorChar))))
            .ToList();
        if (!overwrite)
        {
            var existing = targets.Where(t => File.Exists(t.Path)).Select(t => t.Path).ToList();
            if (existing.Count > 0)
            {
                throw new IOException($"{string.Join(", ", existing)} already exist{(existing.Count == 1 ? "s" : string.Empty)}; remove it or allow overwriting to replace the built-in templates");
            }
        }

        foreach (var (rel, path) in targets)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            File.WriteAllText(path, ReadResource(rel)!, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }
    }

    internal static bool IsBuiltIn(string name) => Names.Contains(name, StringComparer.Ordinal);

    internal static string? ReadResource(string relativePath)
    {
        if (!Resources.TryGetValue(relativePath, out var resource))
        {
            return null;
        }

        using var stream = Assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
