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
/// <remarks>
/// Every run digests every shown row, right before the outputs are rendered, when the table is all in memory: the
/// encoding is written into one reused buffer, not a few strings and arrays per cell (2 million cells for 100,000 rows).
/// </remarks>
internal static class RowsDigest
{
    public static (string Digest, IReadOnlyDictionary<string, int> Counts) Of(Report report)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var feed = new Feed(hash);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var table in report.Datasets)
        {
            counts[table.Name] = table.Rows.Count;
            feed.Text('d', "ataset", table.Name);
            foreach (var column in table.Columns)
            {
                feed.Text('c', "olumn", column.Name);
            }

            foreach (var row in table.Rows)
            {
                feed.Text('r', "ow", row.AccountId);
                foreach (var cell in row.Values)
                {
                    Cell(feed, cell);
                }
            }
        }

        feed.Flush();
        return (Convert.ToHexStringLower(hash.GetHashAndReset()), counts);
    }

    private static void Cell(Feed feed, object? cell)
    {
        Span<char> text = stackalloc char[64];
        switch (cell)
        {
            case null:
                feed.Text('n', string.Empty, string.Empty);
                break;
            case string value:
                feed.Text('s', string.Empty, value);
                break;
            case double number when number.TryFormat(text, out var written, "R", CultureInfo.InvariantCulture):
                feed.Text('d', string.Empty, text[..written]);
                break;
            case DateOnly date when date.TryFormat(text, out var written, "yyyy-MM-dd", CultureInfo.InvariantCulture):
                feed.Text('D', string.Empty, text[..written]);
                break;
            case DateTimeOffset time when time.UtcTicks.TryFormat(text, out var written, provider: CultureInfo.InvariantCulture):
                feed.Text('t', string.Empty, text[..written]);
                break;
            default:
                feed.Text('o', string.Empty, Convert.ToString(cell, CultureInfo.InvariantCulture) ?? string.Empty);
                break;
        }
    }

    /// <summary>
    /// Appends <c>{tag}{byte length}:{UTF-8 bytes}</c> per value (the tag is a letter and the rest of its word, e.g.
    /// <c>dataset</c>) to the hash through one buffer: the same bytes, hence the same digest, as one append per piece.
    /// </summary>
    private sealed class Feed(IncrementalHash hash)
    {
        private const int Size = 64 * 1024;
        private byte[] _buffer = new byte[Size];
        private int _filled;

        public void Text(char tag, string tagRest, ReadOnlySpan<char> value)
        {
            var length = Encoding.UTF8.GetByteCount(value);
            var need = 1 + tagRest.Length + 11 + 1 + length;
            if (_filled + need > _buffer.Length)
            {
                Flush();
                if (need > _buffer.Length)
                {
                    _buffer = new byte[need];
                }
            }

            var span = _buffer.AsSpan(_filled);
            span[0] = (byte)tag;
            var at = 1 + Encoding.ASCII.GetBytes(tagRest, span[1..]);
            length.TryFormat(span[at..], out var digits, provider: CultureInfo.InvariantCulture);
            at += digits;
            span[at++] = (byte)':';
            at += Encoding.UTF8.GetBytes(value, span[at..]);
            _filled += at;
        }

        public void Flush()
        {
            hash.AppendData(_buffer, 0, _filled);
            _filled = 0;
        }
    }
}
