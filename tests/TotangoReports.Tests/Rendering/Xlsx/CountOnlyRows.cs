using System.Collections;
using TotangoReports.Data;

namespace TotangoReports.Tests.Rendering.Xlsx;

/// <summary>A row list that only claims a size: proves a limit is checked before any row is read.</summary>
internal sealed class CountOnlyRows(int count) : IReadOnlyList<TableRow>
{
    public int Count => count;

    public TableRow this[int index] => throw new InvalidOperationException("rows must not be read");

    public IEnumerator<TableRow> GetEnumerator() => throw new InvalidOperationException("rows must not be read");

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
