using TotangoReports.Api.Internal;

namespace TotangoReports.Runs;

/// <summary>
/// The folder <c>fetch --save DIR</c> replaces. Only an empty folder or an earlier snapshot may be replaced, never a
/// folder holding other files (<c>--save .</c> must not wipe the working directory), and the swap keeps the old
/// snapshot until the new one is in place.
/// </summary>
internal static class SnapshotFolder
{
    public static string CheckReplaceable(string directory, string definitionPath)
    {
        var target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        var here = Path.TrimEndingDirectorySeparator(Path.GetFullPath(Directory.GetCurrentDirectory()));
        var definitionFolder = Path.TrimEndingDirectorySeparator(Path.GetDirectoryName(Path.GetFullPath(definitionPath))!);
        if (IsSameOrInside(here, target) || IsSameOrInside(definitionFolder, target))
        {
            throw new ReportRunException(ExitCodes.InvalidInput, $"--save {directory}: that folder holds the working directory or the definition; name a folder of its own, e.g. --save snapshots/2026-11-23");
        }

        if (Directory.Exists(target)
            && !File.Exists(Path.Combine(target, SnapshotIndex.FileName))
            && Directory.EnumerateFileSystemEntries(target).Any())
        {
            throw new ReportRunException(ExitCodes.InvalidInput, $"--save {directory}: the folder exists and is not a snapshot; it is left alone. Name a new or empty folder");
        }

        return target;
    }

    public static string StagingPath(string target) => target + ".partial-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>Moves the old snapshot aside, the new one in, then deletes the old one.</summary>
    public static void Replace(string target, string staging)
    {
        string? aside = null;
        if (Directory.Exists(target))
        {
            aside = target + ".old-" + Guid.NewGuid().ToString("N")[..8];
            Directory.Move(target, aside);
        }

        try
        {
            Directory.Move(staging, target);
        }
        catch
        {
            if (aside is not null)
            {
                Directory.Move(aside, target);
            }

            DeleteQuietly(staging);
            throw;
        }

        if (aside is not null)
        {
            DeleteQuietly(aside);
        }
    }

    public static void DeleteQuietly(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A leftover staging folder is named so that it is never mistaken for the snapshot.
        }
    }

    private static bool IsSameOrInside(string inner, string outer) =>
        string.Equals(inner, outer, StringComparison.Ordinal)
        || inner.StartsWith(outer + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
