namespace TotangoReports.Definition.Internal;

/// <summary>
/// Resolves every symbolic link along a path (like POSIX <c>realpath</c>), so a partial that is, or sits
/// behind, a link pointing outside the template folder is recognised as outside.
/// </summary>
internal static class RealPath
{
    private const int MaxLinkHops = 40;

    public static string Resolve(string path)
    {
        var full = Path.GetFullPath(path);
        var hops = 0;
        while (true)
        {
            var root = Path.GetPathRoot(full) ?? string.Empty;
            var parts = full[root.Length..].Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
            var current = root;
            string? restart = null;
            for (var i = 0; i < parts.Length; i++)
            {
                var next = Path.Combine(current, parts[i]);
                var target = new FileInfo(next).LinkTarget;
                if (target is null)
                {
                    current = next;
                    continue;
                }

                if (++hops > MaxLinkHops)
                {
                    throw new IOException($"too many symbolic links resolving {path}");
                }

                var targetFull = Path.IsPathRooted(target) ? target : Path.Combine(current, target);
                restart = Path.GetFullPath(Path.Combine([targetFull, .. parts[(i + 1)..]]));
                break;
            }

            if (restart is null)
            {
                return current;
            }

            full = restart;
        }
    }

    /// <summary>True when <paramref name="candidate"/> is <paramref name="directory"/> itself or below it (both already resolved).</summary>
    public static bool IsUnder(string candidate, string directory)
    {
        var comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var prefix = Path.EndsInDirectorySeparator(directory) ? directory : directory + Path.DirectorySeparatorChar;
        return candidate.StartsWith(prefix, comparison);
    }
}
