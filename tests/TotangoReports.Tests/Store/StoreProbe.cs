using TotangoReports.Store.Internal;

namespace TotangoReports.Tests.Store;

/// <summary>Reads a SQLite store as the next run would, for tests that check what a run left in it.</summary>
internal static class StoreProbe
{
    /// <summary>The <c>since: last-run</c> watermark (unix seconds) of a dataset, or null when the store has none or does not exist.</summary>
    public static async Task<long?> LastRunAsync(string storePath, string definitionKey, string dataset)
    {
        await using var store = new SqlReportStore(new SqliteDialect(storePath, TimeSpan.FromSeconds(10)));
        var marks = await store.ReadWatermarksAsync(definitionKey, TestContext.Current.CancellationToken);
        return marks.TryGetValue(dataset, out var at) ? at.ToUnixTimeSeconds() : null;
    }
}
