using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace TotangoReports.Tests.Fixtures;

/// <summary>
/// Checks a workbook against the Open XML schema (Office 2019 rules) before any test reads its content, as
/// SpreadCheetah's own tests do: Excel refuses files ClosedXML would happily read.
/// </summary>
internal static class XlsxSchema
{
    /// <summary>Fails with every schema error; leaves <paramref name="stream"/> at position 0.</summary>
    public static void Validate(Stream stream)
    {
        stream.Position = 0;
        var errors = Errors(stream);
        stream.Position = 0;
        errors.ShouldBeEmpty(string.Join(Environment.NewLine, errors));
    }

    public static void Validate(string path)
    {
        using var stream = File.OpenRead(path);
        Validate(stream);
    }

    public static void Validate(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        Validate(stream);
    }

    private static List<string> Errors(Stream stream)
    {
        using var document = SpreadsheetDocument.Open(stream, isEditable: false);
        var validator = new OpenXmlValidator(FileFormatVersions.Office2019);
        return validator.Validate(document)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")
            .ToList();
    }
}
