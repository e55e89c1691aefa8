using System.Globalization;
using TotangoReports.Data;

namespace TotangoReports.Rendering.Xlsx.Internal;

/// <summary>Sizes columns from the header and a sample of rows, and resolves each column's styles.</summary>
internal sealed class ColumnPlanner(XlsxRendererOptions options, XlsxStyles styles)
{
    /// <summary>The number format of count columns (whole numbers without a format of their own).</summary>
    public const string CountFormat = "#,##0";

    // Room for the table's filter drop-down button next to the header text.
    private const int FilterButtonWidth = 3;

    public IReadOnlyList<ColumnPlan> Plan(IReadOnlyList<TableColumn> columns, IReadOnlyList<TableRow> rows)
    {
        var sample = Math.Min(rows.Count, options.WidthSampleRows);
        var plans = new ColumnPlan[columns.Count];
        for (var c = 0; c < columns.Count; c++)
        {
            var column = columns[c];
            var longest = DisplayWidth(column.Name) + FilterButtonWidth;
            var counts = column.Kind == CellKind.Number && column.Format is null;
            for (var r = 0; r < sample; r++)
            {
                var values = rows[r].Values;
                if (c < values.Count)
                {
                    longest = Math.Max(longest, (column.Trend ? Formatting.TrendText.Blocks(values[c]).Length : DisplayWidth(values[c])) + 1);
                    counts &= values[c] switch
                    {
                        null or int or long => true,
                        double d => double.IsFinite(d) && d == Math.Floor(d),
                        _ => false,
                    };
                }
            }

            // Unformatted whole numbers are counts: thousands separators, as the PDF and HTML print them.
            var format = counts ? CountFormat : FormatOf(column);
            plans[c] = Build(column, format, Math.Clamp(longest, options.MinColumnWidth, options.MaxColumnWidth));
        }

        return plans;
    }

    private ColumnPlan Build(TableColumn column, string? format, double width)
    {
        var isHealth = column.Kind == CellKind.Text && string.Equals(column.Name.Trim(), options.HealthColumn, StringComparison.OrdinalIgnoreCase);
        var isScore = column.Kind == CellKind.Number && string.Equals(column.Name.Trim(), options.ScoreColumn, StringComparison.OrdinalIgnoreCase);
        var shaded = isHealth || isScore;
        return new ColumnPlan
        {
            Column = column,
            Width = width,
            WrapAfter = options.MaxColumnWidth,
            IsHealth = isHealth,
            IsScore = isScore,
            Plain = styles.Get(new CellStyleKey(format)),
            Wrapped = column.Kind == CellKind.Text ? styles.Get(new CellStyleKey(format, Wrap: true)) : null,
            Link = column.Kind == CellKind.Text ? styles.Get(new CellStyleKey(Link: true)) : null,
            Good = shaded ? styles.Get(new CellStyleKey(format, Shade.Good)) : null,
            Average = shaded ? styles.Get(new CellStyleKey(format, Shade.Average)) : null,
            Poor = shaded ? styles.Get(new CellStyleKey(format, Shade.Poor)) : null,
            Total = styles.Get(new CellStyleKey(format, Bold: true)),
        };
    }

    /// <summary>The column's own Excel format, else a date format for dates; numbers default to General.</summary>
    public static string? FormatOf(TableColumn column) => column.Kind switch
    {
        CellKind.Date => column.Format ?? XlsxStyles.DateFormat,
        CellKind.DateTime => column.Format ?? XlsxStyles.DateTimeFormat,
        CellKind.Number => column.Format,
        _ => null,
    };

    private static int DisplayWidth(object? value) => value switch
    {
        null => 0,
        string text => DisplayWidth(text),
        double number => number.ToString("#,##0.##", CultureInfo.InvariantCulture).Length,
        DateOnly => 10,
        DateTimeOffset => 16,
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture).Length,
        _ => 10,
    };

    /// <summary>The longest line, counting East Asian wide characters twice (they take two columns in Calibri).</summary>
    private static int DisplayWidth(string text)
    {
        int longest = 0, current = 0;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                longest = Math.Max(longest, current);
                current = 0;
                continue;
            }

            current += c is >= '\u1100' and <= '\uFFDC' && !char.IsSurrogate(c) ? 2 : 1;
        }

        return Math.Max(longest, current);
    }
}
