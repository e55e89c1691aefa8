using System.Globalization;
using System.Text;

namespace TotangoReports.Rendering.Xlsx.Internal;

/// <summary>
/// Excel table names: letters, digits and underscores, starting with a letter, unique in the workbook
/// (case-insensitive). <c>tbl_</c> plus the sheet's name keeps them readable in formulas and never a cell reference.
/// </summary>
internal sealed class TableNameRegistry
{
    private const int MaxBaseLength = 200;

    private readonly HashSet<string> _used = new(StringComparer.OrdinalIgnoreCase);

    public string Reserve(string sheetName)
    {
        var builder = new StringBuilder("tbl_");
        foreach (var c in sheetName)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
            if (builder.Length >= MaxBaseLength)
            {
                break;
            }
        }

        var name = builder.ToString();
        if (_used.Add(name))
        {
            return name;
        }

        for (var n = 2; ; n++)
        {
            var candidate = string.Create(CultureInfo.InvariantCulture, $"{name}_{n}");
            if (_used.Add(candidate))
            {
                return candidate;
            }
        }
    }
}
