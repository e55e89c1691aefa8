namespace TotangoReports.Rendering.Pdf.Internal;

/// <summary>
/// Splits a table into pages. Guarantees, tested as properties: every line of every item is placed exactly once
/// and in order; no page holds more than fits under its header; an item that fits on an empty page is never cut;
/// a group heading is never the last thing on a page when what follows it could come along on the next.
/// </summary>
internal static class TablePaginator
{
    public static List<List<TableSlice>> Paginate(IReadOnlyList<TableItem> items, PaginationMetrics metrics)
    {
        var minimum = metrics.HeaderHeight + metrics.ItemHeight(2);
        if (metrics.PageHeight < minimum || metrics.FirstPageHeight < metrics.HeaderHeight)
        {
            throw new ArgumentException(
                $"A table page must fit its header and two lines ({minimum:0.#} pt); it has {metrics.PageHeight:0.#} pt. Use smaller margins or a larger page.",
                nameof(metrics));
        }

        var pages = new List<List<TableSlice>>();
        var page = new List<TableSlice>();
        var capacity = metrics.FirstPageHeight - metrics.HeaderHeight;
        var used = 0f;
        var fullCapacity = metrics.PageHeight - metrics.HeaderHeight;

        void NewPage()
        {
            pages.Add(page);
            page = [];
            capacity = fullCapacity;
            used = 0;
        }

        for (var index = 0; index < items.Count; index++)
        {
            var item = items[index];
            var lines = Math.Max(item.Lines, 1);
            var height = metrics.ItemHeight(lines);
            var needed = height;
            if (item.KeepWithNext && index + 1 < items.Count)
            {
                needed += metrics.ItemHeight(Math.Max(items[index + 1].Lines, 1));
            }

            var fitsEmptyPage = height <= fullCapacity;
            if (used + (fitsEmptyPage && needed <= fullCapacity ? needed : height) <= capacity)
            {
                page.Add(new TableSlice(index, 0, lines, false));
                used += height;
                continue;
            }

            if (fitsEmptyPage)
            {
                // Also when the first page is too short for this item: it moves whole to a fresh page.
                if (page.Count > 0 || capacity < fullCapacity)
                {
                    NewPage();
                }

                page.Add(new TableSlice(index, 0, lines, false));
                used += height;
                continue;
            }

            // Taller than a whole page: cut at line boundaries, each piece but the last marked as continuing.
            var first = 0;
            while (first < lines)
            {
                var remaining = lines - first;
                var room = capacity - used;
                if (metrics.ItemHeight(remaining) <= room)
                {
                    page.Add(new TableSlice(index, first, remaining, false));
                    used += metrics.ItemHeight(remaining);
                    break;
                }

                var fit = (int)Math.Floor((room - metrics.RowPadding - metrics.LineHeight) / metrics.LineHeight);
                if (fit < 1)
                {
                    NewPage();
                    continue;
                }

                page.Add(new TableSlice(index, first, fit, true));
                first += fit;
                NewPage();
            }
        }

        if (page.Count > 0 || pages.Count == 0)
        {
            pages.Add(page);
        }

        return pages;
    }
}
