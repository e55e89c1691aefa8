using SpreadCheetah.Styling;
using TotangoReports.Data;

namespace TotangoReports.Rendering.Xlsx.Internal;

/// <summary>Per column, decided once before streaming: width and every style a cell of it may need.</summary>
internal sealed class ColumnPlan
{
    public required TableColumn Column { get; init; }

    public required double Width { get; init; }

    /// <summary>Text longer than this many characters wraps.</summary>
    public required double WrapAfter { get; init; }

    public bool IsHealth { get; init; }

    public bool IsScore { get; init; }

    public StyleId? Plain { get; init; }

    public StyleId? Wrapped { get; init; }

    public StyleId? Link { get; init; }

    public StyleId? Good { get; init; }

    public StyleId? Average { get; init; }

    public StyleId? Poor { get; init; }

    /// <summary>The totals-row style: bold with the column's number format.</summary>
    public StyleId? Total { get; init; }

    public StyleId? ShadeStyle(Shade shade) => shade switch
    {
        Shade.Good => Good,
        Shade.Average => Average,
        Shade.Poor => Poor,
        _ => Plain,
    };
}
