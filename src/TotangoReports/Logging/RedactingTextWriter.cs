using System.Text;

namespace TotangoReports.Logging;

/// <summary>A writer that redacts secrets line by line before passing text on (so a secret split across writes is still caught).</summary>
internal sealed class RedactingTextWriter(TextWriter inner, SecretRedactor redactor) : TextWriter
{
    private readonly StringBuilder _line = new();

    public override Encoding Encoding => inner.Encoding;

    public override IFormatProvider FormatProvider => System.Globalization.CultureInfo.InvariantCulture;

    public override void Write(char value)
    {
        _line.Append(value);
        if (value == '\n')
        {
            FlushLine();
        }
    }

    public override void Write(string? value)
    {
        if (value is null)
        {
            return;
        }

        foreach (var c in value)
        {
            Write(c);
        }
    }

    public override void Flush()
    {
        FlushLine();
        inner.Flush();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Flush();
        }

        base.Dispose(disposing);
    }

    private void FlushLine()
    {
        if (_line.Length == 0)
        {
            return;
        }

        inner.Write(redactor.Redact(_line.ToString()));
        _line.Clear();
    }
}
