namespace TotangoReports.Api;

/// <summary>What the <c>offset</c> query parameter means to the server (PRODUCT.md §3 <c>Totango:OffsetMode</c>).</summary>
public enum OffsetMode
{
    /// <summary>Tell the two apart from the first answers (see <see cref="ActiveListFetcher"/>).</summary>
    Auto,

    /// <summary>The old vendor page: <c>offset</c> is the page index (0 = first page).</summary>
    Page,

    /// <summary>The later vendor page: <c>offset</c> is the index of the first account on the page.</summary>
    Item,
}
