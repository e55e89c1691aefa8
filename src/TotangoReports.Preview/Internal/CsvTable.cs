using System.Text;

namespace TotangoReports.Preview.Internal;

/// <summary>The CSV as written (BOM, RFC 4180 quoting, line breaks inside quotes), parsed back: its first rows.</summary>
internal static class CsvTable
{
    public static ShownTable Read(string name, byte[] bytes, int maxRows)
    {
        var text = new UTF8Encoding(false).GetString(bytes).TrimStart('\uFEFF');
        var rows = new List<IReadOnlyList<ShownCell>>();
        var total = 0;
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n' || (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n'))
            {
                i += c == '\r' ? 1 : 0;
                EndRow();
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            EndRow();
        }

        return new ShownTable(name, rows, total);

        void EndRow()
        {
            fields.Add(field.ToString());
            field.Clear();
            total++;

            // The header row first (bold), then maxRows data rows.
            if (rows.Count <= maxRows)
            {
                var bold = rows.Count == 0;
                rows.Add(fields.Select(f => new ShownCell(f, bold)).ToList());
            }

            fields.Clear();
        }
    }
}
