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

    /// <summary>Moves every staged file into place (each move is atomic on one file system).</summary>
    public void Commit()
    {
        foreach (var file in _files)
        {
            File.Move(file.TempPath, file.FinalPath, overwrite: true);
        }

        _committed = true;
    }

    public void Dispose()
    {
        if (_committed)
        {
            return;
        }

        foreach (var file in _files)
        {
            try
            {
                File.Delete(file.TempPath);
            }
            catch (IOException)
            {
                // Best effort: a temp file we cannot delete is named so that it never shadows a report.
            }
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
