using TotangoReports.Definition.Internal;

namespace TotangoReports.Definition;

/// <summary>
/// Reads report definitions (YAML or JSON, PRODUCT.md §4) into a <see cref="ReportDefinition"/>. Every problem is
/// collected as a <see cref="Diagnostic"/> (<c>file:line:col: message</c>); nothing here throws for bad input.
/// </summary>
public static class DefinitionLoader
{
    /// <summary>Reads and parses a definition file. A missing or unreadable file is one diagnostic, not an exception.</summary>
    public static DefinitionParseResult Load(string path, DefinitionLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= new DefinitionLoadOptions();
        options.Validate();
        string text;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return Failure(path, Directory.Exists(path)
                    ? "is a folder; give the path of a .yaml or .json definition file"
                    : "file not found; check the path (it is relative to the current folder)");
            }

            if (info.Length > options.MaxFileBytes)
            {
                return Failure(path, $"the file is {info.Length} bytes; a definition may be at most {options.MaxFileBytes} bytes");
            }

            // FileInfo.Length is 0 for /dev/zero, pipes and /proc entries: cap what is actually read.
            using var bytes = ReadCapped(path, options.MaxFileBytes);
            var read = bytes.Length;
            if (read > options.MaxFileBytes)
            {
                return Failure(path, info.Length == 0
                    ? "is not a regular file (a device, pipe or /proc entry); give the path of a .yaml or .json definition file"
                    : $"the file is more than {options.MaxFileBytes} bytes; a definition may be at most {options.MaxFileBytes} bytes");
            }

            if (info.Length == 0 && read > 0)
            {
                return Failure(path, "is not a regular file (a device, pipe or /proc entry); give the path of a .yaml or .json definition file");
            }

            text = DecodeText(bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException or NotSupportedException or ArgumentException)
        {
            return Failure(path, $"can't read the file: {e.Message}");
        }

        return Parse(text, path, options, Path.GetFullPath(path));
    }

    /// <summary>Reads at most <paramref name="cap"/> + 1 bytes: one more than allowed tells "too big" apart.</summary>
    private static MemoryStream ReadCapped(string path, long cap)
    {
        var bytes = new MemoryStream();
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1, FileOptions.SequentialScan);
        var chunk = new byte[64 * 1024];
        int n;
        while (bytes.Length <= cap && (n = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, cap + 1 - bytes.Length))) > 0)
        {
            bytes.Write(chunk, 0, n);
        }

        return bytes;
    }

    /// <summary>Decodes as File.ReadAllText does: UTF-8 unless a byte order mark says otherwise, the mark dropped.</summary>
    private static string DecodeText(MemoryStream bytes)
    {
        bytes.Position = 0;
        using var reader = new StreamReader(bytes, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        return reader.ReadToEnd();
    }

    /// <summary>Parses definition text; <paramref name="fileName"/> is how diagnostics name it (relative paths resolve beside it).</summary>
    public static DefinitionParseResult Parse(string text, string fileName, DefinitionLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fileName);
        options ??= new DefinitionLoadOptions();
        options.Validate();
        return Parse(text, fileName, options, fileName);
    }

    private static DefinitionParseResult Parse(string text, string fileName, DefinitionLoadOptions options, string sourcePath)
    {
        var bag = new DiagnosticBag(fileName, text);
        if (JsonSyntax.LooksLikeJson(text) && !JsonSyntax.Check(text, bag, options.MaxDepth))
        {
            return new DefinitionParseResult(null, bag.Sorted());
        }

        var root = YamlTreeReader.Read(text, bag, options.MaxNodes, options.MaxDepth);
        if (root is null)
        {
            if (!bag.HasErrors)
            {
                bag.Error(1, 1, "the file is empty; a definition needs at least title, datasets and outputs");
            }

            return new DefinitionParseResult(null, bag.Sorted());
        }

        var definition = DefinitionBinder.Bind(root, bag, options, sourcePath);
        return new DefinitionParseResult(definition, bag.Sorted());
    }

    private static DefinitionParseResult Failure(string path, string message) =>
        new(null, [new Diagnostic(SourceLocation.None(path), message)]);
}
