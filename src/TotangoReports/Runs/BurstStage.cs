using TotangoReports.Data;
using TotangoReports.Delivery;

namespace TotangoReports.Runs;

/// <summary>What a burst run made per value: its folder and rows (for run.json), and what its report showed (for the store).</summary>
internal sealed record BurstResult(string Value, string Folder, int Rows, string Digest, IReadOnlyDictionary<string, int> Counts);

/// <summary>
/// Stage 3b, <c>burst:</c>: one value at a time, its report is made from the whole one, rendered into staged files
/// under its own folder and its mail composed into the outbox; then it is let go before the next, so memory holds one
/// value's report, never all of them.
/// </summary>
internal sealed class BurstStage(RenderStage render)
{
    public async Task<IReadOnlyList<BurstResult>> RunAsync(BuiltReport built, RunPlan plan, StagedOutputs staged, Outbox? outbox, DeliveryMemory memory, RunNotes notes, CancellationToken cancellationToken)
    {
        var whole = built.Report;
        if (whole.Definition.Burst is not { } burst || whole.FindDataset(whole.Definition.SummaryDataset ?? string.Empty) is not { } table || table.Bursts is not { } slices)
        {
            return [];
        }

        var taken = staged.Files.Select(f => f.RelativePath.Split('/', '\\')[0])
            .Concat([RunManifest.FileName, RunManifest.IncompleteFileName, Outbox.FolderName, OutputFolderLock.FileName]);
        var folders = BurstFolders.Assign([.. slices.Select(s => s.Value)], taken);
        var recipients = outbox is not null && (burst.To ?? burst.Recipients) is not null ? BurstRecipients.Load(whole.Definition, burst) : null;
        var nobody = new List<string>();
        var results = new List<BurstResult>(slices.Count);
        foreach (var slice in slices)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var report = BurstReports.For(whole, table, slice);
            var files = await render.RenderAsync(report, plan.Outputs, staged, folders[slice.Value], cancellationToken).ConfigureAwait(false);
            // Only a mailed value is compared (when: changed) or recorded as delivered.
            var (digest, counts) = outbox is null ? (string.Empty, new Dictionary<string, int>()) : RowsDigest.Of(report);
            if (outbox is not null && recipients is not null)
            {
                var addresses = recipients.For(slice, table);
                var unchanged = plan.Email!.When == Definition.MailWhen.Changed ? await memory.UnchangedAsync(slice.Value, digest, cancellationToken).ConfigureAwait(false) : null;
                if (addresses.Count == 0)
                {
                    nobody.Add(slice.Value);
                }
                else if (unchanged is not null)
                {
                    outbox.AddSkipped(slice.Value, addresses, unchanged);
                }
                else
                {
                    DeliverStage.ComposeBurst(report, plan, files, staged, addresses, outbox, cancellationToken);
                }
            }

            results.Add(new BurstResult(slice.Value, folders[slice.Value], slice.RowIndexes.Count, digest, counts));
        }

        foreach (var problem in recipients?.Problems ?? [])
        {
            notes.Warn(problem);
        }

        if (nobody.Count > 0)
        {
            var where = burst.Recipients is { } file ? $"in {file}" : $"in column '{burst.To}'";
            notes.Warn($"burst: {nobody.Count} value(s) have no recipient {where}, so their reports were written but not mailed: {string.Join(", ", nobody.Select(v => "'" + v + "'"))}");
        }

        return results;
    }
}
