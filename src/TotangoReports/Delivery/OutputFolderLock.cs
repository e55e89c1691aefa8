using System.Globalization;
using System.Text.RegularExpressions;

namespace TotangoReports.Delivery;

/// <summary>
/// An exclusive lock on an output folder for the part of a run that writes it (stage, commit, manifest), so two runs
/// into one <c>--out</c> never interleave: the second waits up to <see cref="DefaultWait"/> and then gives up clearly.
/// The lock is an OS file lock on <c>.totango-reports.lock</c> (released by the kernel when a process dies), so a
/// killed run never blocks the next one. Holding it, a run knows any temporary file in the folder belongs to a dead
/// run, and sweeps it (restoring a report a dead run had moved aside).
/// </summary>
public sealed partial class OutputFolderLock : IDisposable
{
    public const string FileName = ".totango-reports.lock";

    /// <summary>How long a run waits for another run writing the same folder.</summary>
    public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(30);

    private readonly FileStream _stream;

    private OutputFolderLock(FileStream stream) => _stream = stream;

    /// <summary>
    /// Takes the lock on <paramref name="outputDirectory"/> (created if missing), waiting up to <paramref name="wait"/>;
    /// throws <see cref="OutputFolderBusyException"/> when another run still holds it.
    /// </summary>
    public static async Task<OutputFolderLock> AcquireAsync(string outputDirectory, TimeSpan? wait = null, CancellationToken cancellationToken = default)
    {
        var folder = Path.GetFullPath(outputDirectory);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, FileName);
        var giveUpAt = DateTime.UtcNow + (wait ?? DefaultWait);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                // FileShare.None is an exclusive flock on Unix and a share lock on Windows; the holder deletes the
                // file on close, and a taker checks it still holds the file at the path (not one just deleted).
                var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
                if (File.Exists(path))
                {
                    var held = new OutputFolderLock(stream);
                    SweepDeadRuns(folder);
                    return held;
                }

                await stream.DisposeAsync().ConfigureAwait(false);
            }
            catch (IOException) when (File.Exists(path) && DateTime.UtcNow < giveUpAt)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken).ConfigureAwait(false);
            }
            catch (IOException ex) when (File.Exists(path))
            {
                throw new OutputFolderBusyException(
                    string.Create(CultureInfo.InvariantCulture, $"another run is writing to {folder} (waited {(wait ?? DefaultWait).TotalSeconds:0} s for it); run again when it has finished, or give this run its own --out"),
                    ex);
            }
        }
    }

    public void Dispose() => _stream.Dispose();

    /// <summary>Temporary files of a staged output (<c>.name.RUNID.tmp</c> / <c>.bak</c>), as <see cref="StagedOutputs"/> names them.</summary>
    [GeneratedRegex(@"^\.(?<name>.+)\.[0-9a-f]{12}\.(?<kind>tmp|bak)$", RegexOptions.CultureInvariant)]
    private static partial Regex StagedName();

    private static void SweepDeadRuns(string folder)
    {
        // Outputs may sit in subfolders; two levels cover them without walking a whole tree given as --out.
        var options = new EnumerationOptions { RecurseSubdirectories = true, MaxRecursionDepth = 2, IgnoreInaccessible = true, AttributesToSkip = 0 };
        foreach (var file in Directory.EnumerateFiles(folder, ".*", options))
        {
            var match = StagedName().Match(Path.GetFileName(file));
            if (!match.Success)
            {
                continue;
            }

            try
            {
                var final = Path.Combine(Path.GetDirectoryName(file)!, match.Groups["name"].Value);
                if (match.Groups["kind"].Value == "bak" && !File.Exists(final))
                {
                    // The dead run had moved the old report aside and not yet put its own in place: put it back.
                    File.Move(file, final);
                }
                else
                {
                    File.Delete(file);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Best effort: a leftover that cannot be removed is named so that it never shadows a report.
            }
        }
    }
}
