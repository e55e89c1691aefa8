using TotangoReports.Data;
using TotangoReports.Definition;

namespace TotangoReports.Runs;

/// <summary><c>delivery.email.when</c>: whether a message is sent, decided per scope (the roll-up, each burst value).</summary>
internal static class MailRules
{
    /// <summary>Why the roll-up's mail is not sent under its <c>when:</c>; null = it is sent.</summary>
    /// <param name="digest">The roll-up's <see cref="RowsDigest"/>, for <c>when: changed</c> (worked out only then).</param>
    public static async Task<string?> SkipRollUpAsync(Report report, Func<string> digest, DeliveryMemory memory, CancellationToken cancellationToken) =>
        report.Definition.Delivery?.Email?.When switch
        {
            MailWhen.NotEmpty when report.Summary.Rows == 0 => $"when: not-empty, and the summary dataset '{report.Summary.Dataset}' has 0 rows",
            MailWhen.Changed => await memory.UnchangedAsync(Store.DeliveryRecord.RollUp, digest(), cancellationToken).ConfigureAwait(false),
            _ => null,
        };

    /// <summary>Whether a run of <paramref name="definition"/> reads its last delivered runs: <c>when: changed</c>, or a check on <c>previous_rows</c>.</summary>
    public static bool ReadsDeliveries(ReportDefinition definition) =>
        definition.Delivery?.Email?.When == MailWhen.Changed || definition.Checks.Any(c => c.Expression.Contains("previous_rows", StringComparison.Ordinal));

    /// <summary>
    /// The store's record of what this run delivered: each scope whose every recipient accepted its mail (a scope
    /// skipped, or with a recipient who did not accept, keeps its previous record).
    /// </summary>
    public static IReadOnlyList<Store.DeliveryRecord> Delivered(Delivery.Outbox? outbox, DateTimeOffset now, Lazy<(string Digest, IReadOnlyDictionary<string, int> Counts)> rollUp, IReadOnlyList<BurstResult> bursts)
    {
        if (outbox is null)
        {
            return [];
        }

        var byValue = bursts.ToDictionary(b => b.Value, StringComparer.Ordinal);
        var records = new List<Store.DeliveryRecord>();
        foreach (var message in outbox.Status.Messages.Where(m => m.File is not null && m.Recipients.TrueForAll(r => r.Status == Delivery.Outbox.Sent)))
        {
            if (message.Burst is null)
            {
                records.Add(new Store.DeliveryRecord(Store.DeliveryRecord.RollUp, now, rollUp.Value.Counts, rollUp.Value.Digest));
            }
            else if (byValue.TryGetValue(message.Burst, out var burst))
            {
                records.Add(new Store.DeliveryRecord(burst.Value, now, burst.Counts, burst.Digest));
            }
        }

        return records;
    }
}
