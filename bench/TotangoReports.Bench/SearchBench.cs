using System.Diagnostics;
using System.Globalization;
using TotangoReports.Api;
using TotangoReports.Api.Internal;
using TotangoReports.Data;
using TotangoReports.Definition;
using TotangoReports.Sample;

namespace TotangoReports.Bench;

/// <summary>
/// Search API hits → rows: pages of 1,000 hits with 10 selected fields (as many as one query can reach, 10,000),
/// rendered beforehand, then parsed, mapped to records and projected into a table. Target: &lt; 1 s for 10,000.
/// </summary>
internal sealed class SearchBench : IBenchmark
{
    private static readonly (string Name, string Spec)[] Fields =
    [
        ("CSM", """{"type":"string_attribute","attribute":"Success Manager"}"""),
        ("CSM email", """{"type":"string_attribute","attribute":"Success Manager Email"}"""),
        ("ARR", """{"type":"number_attribute","attribute":"Contract Value"}"""),
        ("Renewal", """{"type":"simple_date_attribute","attribute":"Contract Renewal Date"}"""),
        ("Health", """{"type":"string","term":"health"}"""),
        ("Trend", """{"type":"health_trend"}"""),
        ("Status", """{"type":"string","term":"status_group"}"""),
        ("Region", """{"type":"string_attribute","attribute":"Region"}"""),
        ("Plan type", """{"type":"string_attribute","attribute":"Plan Type"}"""),
        ("Licenses", """{"type":"number_attribute","attribute":"Licenses"}"""),
    ];

    public string Name => "search";

    public string Description => "10,000 Search API hits with 10 fields: parse, map and project into a table";

    public async Task<int> RunAsync(bool smoke, TextWriter output, CancellationToken cancellationToken)
    {
        var hits = smoke ? 500 : SearchDefinition.RecordCap;
        var search = new SearchDefinition { TermsJson = "[]", Fields = [.. Fields.Select(f => new SearchField(f.Name, f.Spec))] };
        var pages = new PrerenderedSearch(new SampleActiveListSource(new SampleSourceOptions { Accounts = hits, Seed = 1 }), search, hits);
        var dataset = new DatasetDefinition
        {
            Name = "renewals",
            List = string.Empty,
            Search = search,
            Columns =
            [
                new ColumnDefinition { Name = "Account ID", Path = "account_id" },
                new ColumnDefinition { Name = "Account", Path = "name" },
                new ColumnDefinition { Name = "Last activity", Path = "last_activity_time", Type = ColumnType.DateTime },
                .. Fields.Select(f => new ColumnDefinition { Name = f.Name, Path = $"fields[\"{f.Name}\"]", Type = f.Name == "Renewal" ? ColumnType.Date : ColumnType.Auto }),
            ],
        };
        var context = new ReportContext(TimeZoneInfo.Utc, new Dictionary<string, string>(), DateTimeOffset.UtcNow);

        var best = TimeSpan.MaxValue;
        DatasetTable? table = null;
        for (var run = 0; run < (smoke ? 1 : 5); run++)
        {
            var clock = Stopwatch.StartNew();
            var builder = new DatasetBuilder(dataset, context);
            var summary = await new SearchFetch(pages, search, builder).RunAsync(dataset.Name, cancellationToken).ConfigureAwait(false);
            table = builder.Build(summary);
            best = clock.Elapsed < best ? clock.Elapsed : best;
        }

        output.WriteLine($"## search — {hits:N0} hits, {Fields.Length} selected fields, {table!.Columns.Count} columns; best of {(smoke ? 1 : 5)}");
        output.WriteLine();
        output.WriteLine("| hits | rows | pages | parse + map + project + build (best) | hits/s |");
        output.WriteLine("| ---: | ---: | ---: | ---: | ---: |");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {hits:N0} | {table.Rows.Count:N0} | {pages.Pages} | {best.TotalMilliseconds:N0} ms | {hits / best.TotalSeconds:N0} |"));
        return table.Rows.Count == hits ? 0 : 1;
    }

    /// <summary>Every page rendered before timing starts, so only the client side is measured.</summary>
    private sealed class PrerenderedSearch : ISearchSource
    {
        private readonly Dictionary<string, byte[]> _bodies = new(StringComparer.Ordinal);

        public PrerenderedSearch(SampleActiveListSource sample, SearchDefinition search, int hits)
        {
            for (var offset = 0; offset < hits; offset += search.Count)
            {
                var query = SearchQuery.Build(search, offset, Math.Min(search.Count, SearchDefinition.RecordCap - offset));
                _bodies[query] = sample.Search(SearchEntity.Accounts, query);
            }

            Pages = _bodies.Count;
        }

        public int Pages { get; }

        public Task<ReadOnlyMemory<byte>> SearchAsync(SearchEntity entity, string queryJson, CancellationToken cancellationToken) =>
            Task.FromResult<ReadOnlyMemory<byte>>(_bodies[queryJson]);
    }
}
