using System.Security.Cryptography;

namespace TotangoReports.Delivery;

/// <summary>
/// The files of one run, written first to hidden temporary files inside the output folder and moved into place only
/// when every stage succeeded (<see cref="Commit"/>); disposing without committing deletes them, so a failed run
/// leaves the previous report byte-identical and no temporary files behind.
/// </summary>
public sealed class StagedOutputs : IDisposable
{
    private readonly List<StagedFile> _files = [];
    private readonly string _runId = Guid.NewGuid().ToString("N")[..12];
    private bool _committed;

    public StagedOutputs(string outputDirectory)
    {
        OutputDirectory = Path.GetFullPath(outputDirectory);
    }

    public string OutputDirectory { get; }

    public IReadOnlyList<StagedFile> Files => _files;

    /// <summary>
    /// Opens a temporary file for <paramref name="relativePath"/>. Paths that leave the output folder
    /// (<c>../x</c>, absolute paths) are refused.
    /// </summary>
    public Stream Create(string relativePath, string format)
    {
        ObjectDisposedException.ThrowIf(_committed, this);
        var target = ResolveInside(relativePath);
        if (_files.Any(f => string.Equals(f.FinalPath, target, StringComparison.Ordinal)))
        {
            throw new IOException($"two outputs write the same file '{relativePath}'");
        }

        var folder = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".{Path.GetFileName(target)}.{_runId}.tmp");
        var file = new StagedFile(format, relativePath, target, temp);
        _files.Add(file);
        return new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous);
    }

    /// <summary>The full path a relative output name resolves to, or an exception if it leaves the output folder.</summary>
    public string ResolveInside(string relativePath)
    {
        if (string.IsNullOrWhiteSpace(relativePath) || Path.IsPathRooted(relativePath))
        {
            throw new UnauthorizedAccessException($"output file '{relativePath}' must be a relative path inside the output folder");
        }

        var full = Path.GetFullPath(Path.Combine(OutputDirectory, relativePath));
        var root = OutputDirectory.EndsWith(Path.DirectorySeparatorChar) ? OutputDirectory : OutputDirectory + Path.DirectorySeparatorChar;
        if (!full.StartsWith(root, StringComparison.Ordinal))
        {
            throw new UnauthorizedAccessException($"output file '{relativePath}' would be written outside the output folder '{OutputDirectory}'");
        }

        return full;
    }

    /// <summary>Measures every staged file (size, SHA-256) once it is complete.</summary>
    public void Seal()
    {
        foreach (var file in _files)
        {
            using var stream = File.OpenRead(file.TempPath);
            file.Bytes = stream.Length;
            file.Sha256 = Convert.ToHexStringLower(SHA256.HashData(stream));
        }
    }

    /// <summary>
    /// Moves every staged file into place, all or nothing: each file it replaces is first moved aside, and if any move
    /// fails the files already moved are taken back and the old ones restored.
    /// </summary>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_committed, this);
        var done = new List<(StagedFile File, string? Backup)>(_files.Count);
        try
        {
            foreach (var file in _files)
            {
                string? backup = null;
                if (File.Exists(file.FinalPath))
                {
                    backup = Path.Combine(Path.GetDirectoryName(file.FinalPath)!, $".{Path.GetFileName(file.FinalPath)}.{_runId}.bak");
                    MoveAside(file.FinalPath, backup);
                }

                done.Add((file, backup));
                File.Move(file.TempPath, file.FinalPath);
            }
        }
        catch
        {
            RollBack(done);
            throw;
        }

        foreach (var (_, backup) in done)
        {
            if (backup is not null)
            {
                TryDelete(backup);
            }
        }

        _committed = true;
    }

    /// <summary>
    /// Moves the old report aside. When the OS can't rename it (an immutable or read-only file), .NET may fall back to
    /// copy-then-delete and fail on the delete: the copy is removed, and the failure says what to do.
    /// </summary>
    private static void MoveAside(string final, string backup)
    {
        try
        {
            File.Move(final, backup);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            if (File.Exists(final))
            {
                TryDelete(backup);
            }

            throw new UnauthorizedAccessException($"could not replace {final}: {ex.Message} Is it read-only or immutable (chattr +i)? The previous report is unchanged.", ex);
        }
    }

    private static void RollBack(List<(StagedFile File, string? Backup)> done)
    {
        for (var i = done.Count - 1; i >= 0; i--)
        {
            var (file, backup) = done[i];
            try
            {
                if (File.Exists(file.FinalPath) && !File.Exists(file.TempPath))
                {
                    File.Move(file.FinalPath, file.TempPath);
                }

                if (backup is not null)
                {
                    File.Move(backup, file.FinalPath, overwrite: true);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Best effort: the backup keeps its name, so the old report can still be recovered by hand.
            }
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A leftover temporary file is named so that it never shadows a report.
        }
    }

    public void Dispose()
    {
        if (_committed)
        {
            return;
        }

        foreach (var file in _files)
        {
            TryDelete(file.TempPath);
        }

        _committed = true;
    }
}

/// <summary>One staged output: where it goes, where it is now, and (after sealing) its size and hash.</summary>
public sealed class StagedFile(string format, string relativePath, string finalPath, string tempPath)
{
    public string Format { get; } = format;

    public string RelativePath { get; } = relativePath;

    public string FinalPath { get; } = finalPath;

    public string TempPath { get; } = tempPath;

    public long Bytes { get; internal set; }

    public string Sha256 { get; internal set; } = string.Empty;
}
