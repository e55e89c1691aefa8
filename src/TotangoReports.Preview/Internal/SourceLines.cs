using TotangoReports.Definition;

namespace TotangoReports.Preview.Internal;

/// <summary>Reads the offending line of each diagnostic's file, each file once per render.</summary>
internal sealed class SourceLines
{
    private readonly Dictionary<string, string[]?> _files = new(StringComparer.Ordinal);

    public ShownDiagnostic Show(Diagnostic diagnostic)
    {
        var location = diagnostic.Location;
        string? line = null;
        if (location.Line > 0 && Lines(location.File) is { } lines && location.Line <= lines.Length)
        {
            line = lines[location.Line - 1];
        }

        return new ShownDiagnostic(location.ToString(), diagnostic.Message, diagnostic.IsError, line, location.Column);
    }

    private string[]? Lines(string file)
    {
        if (!_files.TryGetValue(file, out var lines))
        {
            try
            {
                lines = File.ReadAllLines(file);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                lines = null;
            }

            _files[file] = lines;
        }

        return lines;
    }
}
