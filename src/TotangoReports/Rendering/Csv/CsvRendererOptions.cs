namespace TotangoReports.Rendering.Csv;

/// <summary>How <see cref="CsvRenderer"/> writes a dataset. The defaults produce RFC 4180 that Excel opens correctly.</summary>
public sealed class CsvRendererOptions
{
    /// <summary>
    /// Start the file with a UTF-8 byte order mark. Default <c>true</c>: without it Excel reads the file in the machine's
    /// ANSI code page and mangles accents, Hebrew and CJK; CsvHelper, pandas (<c>utf-8-sig</c>) and LibreOffice skip it.
    /// </summary>
    public bool WriteByteOrderMark { get; init; } = true;

    /// <summary>
    /// Prefix text cells that start with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or CR with a single quote, as OWASP
    /// recommends against CSV injection. Numbers and dates are never touched (<c>-5</c> stays a number). Default <c>true</c>.
    /// </summary>
    public bool NeutraliseFormulas { get; init; } = true;

    /// <summary>The record terminator: <c>"\r\n"</c> (default, RFC 4180) or <c>"\n"</c>.</summary>
    public string NewLine { get; init; } = "\r\n";

    /// <summary>Throws <see cref="ArgumentException"/> when a value is out of range.</summary>
    public void Validate()
    {
        if (NewLine is not ("\r\n" or "\n"))
        {
            throw new ArgumentException("CsvRendererOptions.NewLine must be \"\\r\\n\" or \"\\n\".", nameof(NewLine));
        }
    }
}
