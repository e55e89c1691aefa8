using TotangoReports.Api.Internal;
using TotangoReports.Definition;

namespace TotangoReports.Runs;

/// <summary>
/// The folder a snapshot is saved to (the CLI's <c>fetch --save DIR</c>). Only an empty folder or an earlier snapshot may be replaced, never a
/// folder holding other files (a snapshot must never wipe the folder of the definition), and the swap keeps the old
/// snapshot until the new one is in place.
/// </summary>
internal static class SnapshotFolder
{
    /// <summary>
    /// The full path of <paramref name="directory"/> once it is known to be replaceable: new, empty or an earlier
    /// snapshot, and not the folder of the definition (nor one holding it).
    /// </summary>
    public static string CheckReplaceable(string directory, string definitionPath)
    {
        var target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        var definitionFolder = Path.TrimEndingDirectorySeparator(Path.GetDirectoryName(Path.GetFullPath(definitionPath))!);
        if (IsSameOrInside(definitionFolder, target))
        {
            const string detail = "that folder holds the definition; name a folder of its own";
            throw new ReportInputException(ReportInputError.SnapshotFolderHoldsDefinition, $"snapshot folder {directory}: {detail}", directory, detail);
        }

        if (Directory.Exists(target)
            && !File.Exists(Path.Combine(target, SnapshotIndex.FileName))
            && Directory.EnumerateFileSystemEntries(target).Any())
        {
            const string detail = "the folder exists and is not a snapshot; it is left alone. Name a new or empty folder";
            throw new ReportInputException(ReportInputError.SnapshotFolderNotEmpty, $"snapshot folder {directory}: {detail}", directory, detail);
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

    /// <summary>Whether <paramref name="inner"/> is <paramref name="outer"/> or a folder inside it (full paths).</summary>
    private static bool IsSameOrInside(string inner, string outer) =>
        string.Equals(Path.TrimEndingDirectorySeparator(inner), Path.TrimEndingDirectorySeparator(outer), StringComparison.Ordinal)
        || Path.TrimEndingDirectorySeparator(inner).StartsWith(Path.TrimEndingDirectorySeparator(outer) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
