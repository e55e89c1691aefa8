using System.Text;
using Spectre.Console;

namespace TotangoReports.Cli.Infrastructure;

/// <summary>
/// Log lines through the same Spectre console that draws the progress bars, so a line written while the bars are
/// live lands above them instead of through them.
/// </summary>
internal sealed class ConsoleLineWriter(IAnsiConsole console) : TextWriter
{
    private readonly StringBuilder _line = new();

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        if (value == '\n')
        {
            Flush();
        }
        else if (value != '\r')
        {
            _line.Append(value);
        }
    }

    public override void Flush()
    {
        if (_line.Length == 0)
        {
            return;
        }

        var text = _line.ToString();
        _line.Clear();
        var style = text.StartsWith("error:", StringComparison.Ordinal) ? new Style(Color.Red)
            : text.StartsWith("warning:", StringComparison.Ordinal) ? new Style(Color.Yellow)
            : Style.Plain;
        console.Write(new Text(text + "\n", style));
    }
}
