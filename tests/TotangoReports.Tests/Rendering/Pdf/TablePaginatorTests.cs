using TotangoReports.Rendering.Pdf.Internal;

namespace TotangoReports.Tests.Rendering.Pdf;

public sealed class TablePaginatorTests
{
    private static readonly PaginationMetrics Metrics = new(LineHeight: 10, RowPadding: 4, HeaderHeight: 18, FirstPageHeight: 300, PageHeight: 500);

    [Fact]
    public void Paginate_RowsThatFit_AreNeverSplit_AndFillPagesInOrder()
    {
        var items = Enumerable.Repeat(new TableItem(1), 100).ToList();

        var pages = TablePaginator.Paginate(items, Metrics);

        // Each row is 14 pt: (300 - 18) / 14 = 20 rows on the first page, (500 - 18) / 14 = 34 on the others.
        pages.Select(p => p.Count).ShouldBe([20, 34, 34, 12]);
        pages.SelectMany(p => p).ShouldAllBe(s => s.FirstLine == 0 && s.LineCount == 1 && !s.Continues);
    }

    [Fact]
    public void Paginate_GroupHeading_MovesToNextPageWithItsFirstRow()
    {
        // 19 rows fill 266 of the first page's 282 pt; a heading (14) would fit, but not heading + row (28).
        var items = Enumerable.Repeat(new TableItem(1), 19).Append(new TableItem(1, KeepWithNext: true)).Append(new TableItem(1)).ToList();

        var pages = TablePaginator.Paginate(items, Metrics);

        pages[0].Count.ShouldBe(19);
        pages[1].Select(s => s.Item).ShouldBe([19, 20]);
    }

    [Fact]
    public void Paginate_RowTallerThanAPage_IsCutAtLinesWithContinuationMarks()
    {
        var items = new List<TableItem> { new(1), new(120), new(1) };

        var pages = TablePaginator.Paginate(items, Metrics);

        var pieces = pages.SelectMany(p => p).Where(s => s.Item == 1).ToList();
        pieces.Count.ShouldBeGreaterThan(2);
        pieces.Sum(s => s.LineCount).ShouldBe(120);
        pieces.SkipLast(1).ShouldAllBe(s => s.Continues);
        pieces[^1].Continues.ShouldBeFalse();
    }

    [Fact]
    public void Paginate_PageTooSmallForHeaderAndTwoLines_Throws()
    {
        var tiny = Metrics with { PageHeight = 30, FirstPageHeight = 30 };

        Should.Throw<ArgumentException>(() => TablePaginator.Paginate([new TableItem(1)], tiny));
    }

    /// <summary>
    /// Property test over many random tables and page sizes (fixed seed, so a failure reproduces): every line of
    /// every item is placed exactly once and in order, no page overflows, items that fit a page are whole.
    /// </summary>
    [Fact]
    public void Paginate_RandomTables_NeverLoseCutOrOverflowRows()
    {
        var random = new Random(20261127);
        for (var round = 0; round < 600; round++)
        {
            var lineHeight = 6 + (random.NextSingle() * 8);
            var pageHeight = 60 + (random.NextSingle() * 700);
            var header = lineHeight * random.Next(1, 4);
            var metrics = new PaginationMetrics(lineHeight, random.NextSingle() * 6, header, Math.Max(header + 1, pageHeight * random.NextSingle()), pageHeight);
            if (metrics.PageHeight < metrics.HeaderHeight + metrics.ItemHeight(2))
            {
                continue;
            }

            var items = Enumerable.Range(0, random.Next(0, 300))
                .Select(_ => new TableItem(random.Next(10) == 0 ? random.Next(1, 200) : random.Next(1, 4), random.Next(12) == 0))
                .ToList();

            var pages = TablePaginator.Paginate(items, metrics);

            AssertInvariants(items, metrics, pages, round);
        }
    }

    private static void AssertInvariants(List<TableItem> items, PaginationMetrics metrics, List<List<TableSlice>> pages, int round)
    {
        var context = $"round {round}";
        var slices = pages.SelectMany(p => p).ToList();

        // Every line of every item exactly once, in order.
        var expected = items.SelectMany((item, index) => Enumerable.Range(0, Math.Max(1, item.Lines)).Select(line => (index, line)));
        var placed = slices.SelectMany(s => Enumerable.Range(s.FirstLine, s.LineCount).Select(line => (s.Item, line)));
        placed.ShouldBe(expected, context);

        for (var p = 0; p < pages.Count; p++)
        {
            var capacity = (p == 0 ? metrics.FirstPageHeight : metrics.PageHeight) - metrics.HeaderHeight;
            var used = pages[p].Sum(metrics.SliceHeight);
            used.ShouldBeLessThanOrEqualTo(capacity + 0.01f, $"{context}, page {p}");
        }

        var fullCapacity = metrics.PageHeight - metrics.HeaderHeight;
        foreach (var slice in slices)
        {
            if (metrics.ItemHeight(Math.Max(1, items[slice.Item].Lines)) <= fullCapacity)
            {
                slice.FirstLine.ShouldBe(0, context);
                slice.LineCount.ShouldBe(Math.Max(1, items[slice.Item].Lines), context);
            }
        }
    }
}
