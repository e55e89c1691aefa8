using TotangoReports.Store;

namespace TotangoReports.Runs;

/// <summary>
/// The last delivered run of each scope (the roll-up, each burst value) of this definition, read from the store; with
/// no store (a sample run) there is none, so <c>when: changed</c> mails and <c>previous_rows</c> is null.
/// </summary>
internal sealed class DeliveryMemory(IReportStore? store, string definitionKey)
{
    public async Task<DeliveryRecord?> LastAsync(string scope, CancellationToken cancellationToken) =>
        store is null ? null : await store.LastDeliveryAsync(definitionKey, scope, cancellationToken).ConfigureAwait(false);

    /// <summary>Why a scope's mail is not sent under <c>when: changed</c>: its rows equal the last delivered run's; null = send.</summary>
    public async Task<string?> UnchangedAsync(string scope, string digest, CancellationToken cancellationToken) =>
        await LastAsync(scope, cancellationToken).ConfigureAwait(false) is { } last && string.Equals(last.RowsDigest, digest, StringComparison.Ordinal)
            ? $"when: changed, and the rows equal those of the last delivered run ({last.DeliveredAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)} UTC)"
            : null;
}
