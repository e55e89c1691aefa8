using System.Drawing;
using SpreadCheetah;
using SpreadCheetah.Styling;

namespace TotangoReports.Rendering.Xlsx.Internal;

/// <summary>Creates each distinct style once per workbook; cells carry only the id.</summary>
internal sealed class XlsxStyles(Spreadsheet spreadsheet)
{
    public const string DateFormat = Data.Internal.DefaultFormats.Date;
    public const string DateTimeFormat = Data.Internal.DefaultFormats.DateTime;

    // Excel's own "Good / Neutral / Bad" cell style fills, so the sheet looks native.
    private static readonly Color GoodFill = Color.FromArgb(0xC6, 0xEF, 0xCE);
    private static readonly Color AverageFill = Color.FromArgb(0xFF, 0xEB, 0x9C);
    private static readonly Color PoorFill = Color.FromArgb(0xFF, 0xC7, 0xCE);

    // Excel's "Hyperlink" cell style colour.
    private static readonly Color LinkColor = Color.FromArgb(0x05, 0x63, 0xC1);

    private readonly Dictionary<CellStyleKey, StyleId> _styles = [];

    public StyleId? Get(CellStyleKey key)
    {
        if (key == default)
        {
            return null;
        }

        if (_styles.TryGetValue(key, out var id))
        {
            return id;
        }

        var style = new Style();
        if (key.Link)
        {
            style.Font.Color = LinkColor;
            style.Font.Underline = Underline.Single;
        }

        if (key.Format is { } format)
        {
            style.Format = NumberFormat.Custom(format);
        }

        if (key.Bold)
        {
            style.Font.Bold = true;
        }

        if (key.FontColor is { } color)
        {
            style.Font.Color = color;
        }

        if (key.FontSize is { } size)
        {
            style.Font.Size = size;
        }

        if (key.Wrap)
        {
            style.Alignment.WrapText = true;
            style.Alignment.Vertical = VerticalAlignment.Top;
        }

        style.Fill.Color = key.Shade switch
        {
            Shade.Good => GoodFill,
            Shade.Average => AverageFill,
            Shade.Poor => PoorFill,
            _ => null,
        };

        id = spreadsheet.AddStyle(style);
        _styles.Add(key, id);
        return id;
    }
}
