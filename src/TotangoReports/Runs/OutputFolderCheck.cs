namespace TotangoReports.Runs;

/// <summary>
/// <c>--out</c> checked before anything is fetched: a file where the folder should be, or a place nothing can be
/// written (<c>/proc</c>, a read-only mount), used to surface only after the whole fetch, as raw .NET text.
/// Creates nothing: a run that fails later leaves no empty folder behind.
/// </summary>
internal static class OutputFolderCheck
{
    public static void Check(string directory)
    {
        var full = Path.GetFullPath(directory);
        var existing = full;
        while (!Directory.Exists(existing))
        {
            if (File.Exists(existing))
            {
                var what = existing == full ? "is a file, not a folder" : $"cannot be created: {existing} is a file";
                throw new ReportRunException(ExitCodes.InvalidInput, $"--out {full} {what}; name a folder (it is created when missing)");
            }

            existing = Path.GetDirectoryName(existing);
            if (existing is null)
            {
                return;
            }
        }

        // Writable is what matters, and only trying tells (permissions, read-only mounts, pseudo file systems).
        var probe = Path.Combine(existing, ".totango-reports-probe-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var why = ex is UnauthorizedAccessException ? "permission denied" : "the file system refuses new files there";
            throw new ReportRunException(ExitCodes.InvalidInput, $"--out {full}: cannot write in {existing} ({why}); choose a folder you can write", ex);
        }
    }
}
