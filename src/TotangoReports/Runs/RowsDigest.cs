using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using TotangoReports.Data;

namespace TotangoReports.Runs;

/// <summary>
/// What a scope's report showed, for <c>when: changed</c> and <c>previous_rows</c>: the rows per dataset and a SHA-256
/// over every shown row's typed cells in a canonical, culture-invariant encoding (dataset and column names, account
/// id, then each cell tagged with its type), so equal digests mean equal rows whatever the machine or its culture.
/// </summary>
internal static class RowsDigest
{
    public static (string Digest, IReadOnlyDictionary<string, int> Counts) Of(Report report)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var table in report.Datasets)
        {
            counts[table.Name] = table.Rows.Count;
            Text(hash, "dataset", table.Name);
            foreach (var column in table.Columns)
            {
                Text(hash, "column", column.Name);
            }

            foreach (var row in table.Rows)
            {
                Text(hash, "row", row.AccountId);
                foreach (var cell in row.Values)
                {
                    Cell(hash, cell);
                }
            }
        }

        return (Convert.ToHexStringLower(hash.GetHashAndReset()), counts);
    }

    private static void Cell(IncrementalHash hash, object? cell)
    {
        switch (cell)
        {
            case null:
                Text(hash, "n", string.Empty);
                break;
            case string text:
                Text(hash, "s", text);
                break;
            case double number:
                Text(hash, "d", number.ToString("R", CultureInfo.InvariantCulture));
                break;
            case DateOnly date:
                Text(hash, "D", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case DateTimeOffset time:
                Text(hash, "t", time.UtcTicks.ToString(CultureInfo.InvariantCulture));
                break;
            default:
                Text(hash, "o", Convert.ToString(cell, CultureInfo.InvariantCulture) ?? string.Empty);
                break;
        }
    }

    /// <summary>A tag and a length-prefixed UTF-8 value: no two sequences of cells encode alike.</summary>
    private static void Text(IncrementalHash hash, string tag, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        hash.AppendData(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{tag}{bytes.Length}:")));
        hash.AppendData(bytes);
    }
}
