using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using TotangoReports.Data.History;
using TotangoReports.Data.Internal;

namespace TotangoReports.Store.Internal;

/// <summary>
/// One column of one snapshot as a compressed, typed vector: every cell's tag first (one byte each), then the values
/// packed by type (whole and one- or two-decimal numbers and dates as zig-zag varints, instants as milliseconds,
/// text as UTF-8 with its length), the whole Brotli-compressed. One blob per column keeps a 100,000-account snapshot
/// to a few rows of the store, so recording and reading it are a handful of statements, and a column is read without
/// touching the others. Layout: raw length (int32 LE), then the Brotli stream of [count, tags, values].
/// </summary>
internal static class CellVector
{
    private const byte Null = 0;
    private const byte Text = 1;
    private const byte Number = 2;
    private const byte Date = 3;
    private const byte Instant = 4;
    private const byte Whole = 5;
    private const byte InstantMs = 6;
    private const byte Tenths = 7;
    private const byte Hundredths = 8;

    // Quality 5 of 11: most of the ratio of the slow levels at a small part of their time.
    private const int Quality = 5;
    private const int Window = 22;

    private static readonly (double Scale, byte Tag)[] Scales = [(1, Whole), (10, Tenths), (100, Hundredths)];

    public static byte[] Encode(int count, Func<int, object?> cell)
    {
        // Every working buffer is rented: a run records a dozen 100,000-cell columns at once, and fresh arrays of that
        // size would each be a large-object allocation left for a full collection, at the run's fullest moment.
        var values = new RentedWriter(Math.Max(64, count * 4));
        var tags = ArrayPool<byte>.Shared.Rent(Math.Max(1, count));
        byte[]? raw = null;
        byte[]? compressed = null;
        try
        {
            for (var i = 0; i < count; i++)
            {
                tags[i] = Write(values, cell(i));
            }

            Span<byte> header = stackalloc byte[10];
            var headerLength = WriteVarint(header, (ulong)count);
            var rawLength = headerLength + count + values.WrittenCount;
            raw = ArrayPool<byte>.Shared.Rent(rawLength);
            header[..headerLength].CopyTo(raw);
            tags.AsSpan(0, count).CopyTo(raw.AsSpan(headerLength));
            values.WrittenSpan.CopyTo(raw.AsSpan(headerLength + count));

            compressed = ArrayPool<byte>.Shared.Rent(4 + BrotliEncoder.GetMaxCompressedLength(rawLength));
            BinaryPrimitives.WriteInt32LittleEndian(compressed, rawLength);
            if (!BrotliEncoder.TryCompress(raw.AsSpan(0, rawLength), compressed.AsSpan(4), out var written, Quality, Window))
            {
                throw new InvalidOperationException("a history column could not be compressed");
            }

            return compressed[..(4 + written)];
        }
        finally
        {
            values.Dispose();
            ArrayPool<byte>.Shared.Return(tags);
            if (raw is not null)
            {
                ArrayPool<byte>.Shared.Return(raw);
            }

            if (compressed is not null)
            {
                ArrayPool<byte>.Shared.Return(compressed);
            }
        }
    }

    /// <summary>
    /// A column as a report holds it: numbers in a <c>double[]</c>, anything else as cells whose repeated texts
    /// ("Good", a region) are one string each, not one per account.
    /// </summary>
    public static HistoryVector DecodeVector(byte[] blob)
    {
        HistoryVector? vector = null;
        Read(blob, (raw, count, tags, at) =>
        {
            var numeric = !raw.AsSpan(tags, count).ContainsAnyExcept(NumberTags);
            if (numeric)
            {
                vector = Numbers(raw, count, tags, at);
                return;
            }

            if (!raw.AsSpan(tags, count).ContainsAnyExcept(NullOrText) && Coded(raw, count, tags, at) is { } coded)
            {
                vector = coded;
                return;
            }

            var texts = new TextPool();
            var cells = new object?[count];
            for (var i = 0; i < count; i++)
            {
                cells[i] = ReadCell(raw, raw[tags + i], ref at, texts);
            }

            vector = new HistoryVector.Cells(cells);
        });
        return vector!;
    }

    /// <summary>A snapshot's account-id column as ordinals into <paramref name="accounts"/>, which holds each id once.</summary>
    public static int[] DecodeIds(byte[] blob, HistoryAccounts accounts)
    {
        int[]? ordinals = null;
        Read(blob, (raw, count, tags, at) =>
        {
            ordinals = new int[count];
            var chars = ArrayPool<char>.Shared.Rent(256);
            try
            {
                for (var i = 0; i < count; i++)
                {
                    if (raw[tags + i] != Text)
                    {
                        throw new InvalidDataException("a stored snapshot's account ids are damaged (an id is not text)");
                    }

                    var length = (int)ReadVarint(raw, ref at);
                    if (chars.Length < length)
                    {
                        ArrayPool<char>.Shared.Return(chars);
                        chars = ArrayPool<char>.Shared.Rent(length);
                    }

                    var written = Encoding.UTF8.GetChars(raw.AsSpan(at, length), chars);
                    at += length;
                    ordinals[i] = accounts.Intern(chars.AsSpan(0, written));
                }
            }
            finally
            {
                ArrayPool<char>.Shared.Return(chars);
            }
        });
        return ordinals!;
    }

    /// <summary>A column of numbers in its smallest exact form: scaled ints when every value allows, else doubles.</summary>
    private static HistoryVector Numbers(byte[] raw, int count, int tags, int at)
    {
        byte[]? nulls = null;
        var scale = 1;
        var scaledFits = !raw.AsSpan(tags, count).Contains(Number);
        var start = at;
        for (var i = 0; i < count && scaledFits; i++)
        {
            var tag = raw[tags + i];
            if (tag == Null)
            {
                continue;
            }

            var value = Unzig(ReadVarint(raw, ref at));
            scale = Math.Max(scale, tag == Tenths ? 10 : tag == Hundredths ? 100 : 1);
            scaledFits = Math.Abs(value) <= int.MaxValue / 100;
        }

        at = start;
        if (scaledFits)
        {
            var ints = new int[count];
            for (var i = 0; i < count; i++)
            {
                var tag = raw[tags + i];
                if (tag == Null)
                {
                    nulls ??= new byte[(count + 7) / 8];
                    nulls[i >> 3] |= (byte)(1 << (i & 7));
                    continue;
                }

                // Each value was stored at its own scale; bring it to the column's (×10 or ×100 is exact in an int here).
                var value = Unzig(ReadVarint(raw, ref at));
                ints[i] = (int)(value * (scale / (tag == Tenths ? 10 : tag == Hundredths ? 100 : 1)));
            }

            if (ScaledIsExact(ints, scale, raw, count, tags, start))
            {
                return new HistoryVector.Scaled(ints, scale, nulls);
            }

            nulls = null;
        }

        var values = new double[count];
        at = start;
        for (var i = 0; i < count; i++)
        {
            if (ReadCell(raw, raw[tags + i], ref at, null) is double number)
            {
                values[i] = number;
            }
            else
            {
                nulls ??= new byte[(count + 7) / 8];
                nulls[i >> 3] |= (byte)(1 << (i & 7));
            }
        }

        return new HistoryVector.Numbers(values, nulls);
    }

    /// <summary>Whether every scaled int reads back as the very double that was stored (it does, unless scales were mixed oddly).</summary>
    private static bool ScaledIsExact(int[] ints, int scale, byte[] raw, int count, int tags, int at)
    {
        for (var i = 0; i < count; i++)
        {
            var stored = ReadCell(raw, raw[tags + i], ref at, null);
            if (stored is double number && BitConverter.DoubleToInt64Bits(scale == 1 ? ints[i] : ints[i] / (double)scale) != BitConverter.DoubleToInt64Bits(number))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A column of texts with at most 65,536 distinct values (empty included) as codes; null when it has more.</summary>
    private static HistoryVector.Coded? Coded(byte[] raw, int count, int tags, int at)
    {
        var texts = new TextPool();
        var codes = new ushort[count];
        var index = new Dictionary<string, ushort>(ReferenceEqualityComparer.Instance);
        var table = new List<string?> { null };
        for (var i = 0; i < count; i++)
        {
            if (raw[tags + i] == Null)
            {
                continue;
            }

            var text = texts.Read(raw, ref at);
            if (!index.TryGetValue(text, out var code))
            {
                if (table.Count > ushort.MaxValue)
                {
                    return null;
                }

                code = (ushort)table.Count;
                index.Add(text, code);
                table.Add(text);
            }

            codes[i] = code;
        }

        return new HistoryVector.Coded(codes, [.. table]);
    }

    private static readonly SearchValues<byte> NullOrText = SearchValues.Create([Null, Text]);

    private static readonly SearchValues<byte> NumberTags = SearchValues.Create([Null, Number, Whole, Tenths, Hundredths]);

    /// <summary>Decompresses <paramref name="blob"/> into a pooled buffer and hands over (raw, count, where the tags start, where the values start).</summary>
    private static void Read(byte[] blob, Action<byte[], int, int, int> decode)
    {
        var length = BinaryPrimitives.ReadInt32LittleEndian(blob);
        var raw = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            if (!BrotliDecoder.TryDecompress(blob.AsSpan(4), raw.AsSpan(0, length), out var written) || written != length)
            {
                throw new InvalidDataException("a stored history column is damaged (it does not decompress)");
            }

            var at = 0;
            var count = (int)ReadVarint(raw, ref at);
            decode(raw, count, at, at + count);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(raw);
        }
    }

    private static object? ReadCell(byte[] raw, byte tag, ref int at, TextPool? texts) => tag switch
    {
        Null => null,
        Text => texts is null ? ReadText(raw, ref at) : texts.Read(raw, ref at),
        Number => ReadDouble(raw, ref at),
        Whole => Boxes.Of(Unzig(ReadVarint(raw, ref at))),
        Tenths => Unzig(ReadVarint(raw, ref at)) / 10.0,
        Hundredths => Unzig(ReadVarint(raw, ref at)) / 100.0,
        Date => DateOnly.FromDayNumber((int)Unzig(ReadVarint(raw, ref at))),
        Instant => new DateTimeOffset(Unzig(ReadVarint(raw, ref at)), TimeSpan.Zero),
        InstantMs => DateTimeOffset.FromUnixTimeMilliseconds(Unzig(ReadVarint(raw, ref at))),
        _ => throw new InvalidDataException($"unknown cell tag {tag} in a stored history column"),
    };

    private static byte Write(RentedWriter values, object? value)
    {
        switch (value)
        {
            case null:
                return Null;
            case string text:
                WriteVarint(values, (ulong)Encoding.UTF8.GetByteCount(text));
                var span = values.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
                values.Advance(Encoding.UTF8.GetBytes(text, span));
                return Text;
            case double number:
                return WriteNumber(values, number);
            case DateOnly date:
                WriteVarint(values, Zig(date.DayNumber));
                return Date;
            case DateTimeOffset instant:
                return WriteInstant(values, instant.UtcTicks);
            case DateTime time:
                return WriteInstant(values, new DateTimeOffset(DateTime.SpecifyKind(time, time.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : time.Kind)).UtcTicks);
            case IConvertible convertible when value is not bool and not char:
                // Other numbers (int, long, decimal) as cells of a table built by hand: a number is a number.
                return WriteNumber(values, convertible.ToDouble(CultureInfo.InvariantCulture));
            default:
                return Write(values, Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty);
        }
    }

    /// <summary>Most numbers in a report are counts, scores with a decimal or two, or ratios: each gets its smallest exact form.</summary>
    private static byte WriteNumber(RentedWriter values, double number)
    {
        foreach (var (scale, tag) in Scales)
        {
            var scaled = number * scale;
            // Exact when the rounded integer divides back to the very same double (69.76 × 100 is 6976.000000000001, yet
            // 6976 / 100 is 69.76), which is how the reader will make it.
            if (Math.Abs(scaled) < 1e15 && Math.Round(scaled) / scale == number && !(number == 0 && double.IsNegative(number)))
            {
                WriteVarint(values, Zig((long)Math.Round(scaled)));
                return tag;
            }
        }

        BinaryPrimitives.WriteDoubleLittleEndian(values.GetSpan(8), number);
        values.Advance(8);
        return Number;
    }

    private static byte WriteInstant(RentedWriter values, long utcTicks)
    {
        var unixTicks = utcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        if (unixTicks % TimeSpan.TicksPerMillisecond == 0)
        {
            WriteVarint(values, Zig(unixTicks / TimeSpan.TicksPerMillisecond));
            return InstantMs;
        }

        WriteVarint(values, Zig(utcTicks));
        return Instant;
    }

    private static ulong Zig(long value) => (ulong)((value << 1) ^ (value >> 63));

    private static long Unzig(ulong value) => (long)(value >> 1) ^ -(long)(value & 1);

    private static void WriteVarint(RentedWriter buffer, ulong value) => buffer.Advance(WriteVarint(buffer.GetSpan(10), value));

    private static int WriteVarint(Span<byte> span, ulong value)
    {
        var i = 0;
        while (value >= 0x80)
        {
            span[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[i++] = (byte)value;
        return i;
    }

    private static ulong ReadVarint(byte[] raw, ref int at)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = raw[at++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }

    private static string ReadText(byte[] raw, ref int at)
    {
        var length = (int)ReadVarint(raw, ref at);
        var text = Encoding.UTF8.GetString(raw, at, length);
        at += length;
        return text;
    }

    private static double ReadDouble(byte[] raw, ref int at)
    {
        var value = BinaryPrimitives.ReadDoubleLittleEndian(raw.AsSpan(at));
        at += 8;
        return value;
    }

    /// <summary>A growing byte buffer rented from the shared pool (returned on dispose).</summary>
    private sealed class RentedWriter(int capacity) : IDisposable
    {
        private byte[] _buffer = ArrayPool<byte>.Shared.Rent(capacity);

        public int WrittenCount { get; private set; }

        public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, WrittenCount);

        public Span<byte> GetSpan(int sizeHint)
        {
            if (_buffer.Length - WrittenCount < sizeHint)
            {
                var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, WrittenCount + sizeHint));
                WrittenSpan.CopyTo(bigger);
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = bigger;
            }

            return _buffer.AsSpan(WrittenCount);
        }

        public void Advance(int count) => WrittenCount += count;

        public void Dispose() => ArrayPool<byte>.Shared.Return(_buffer);
    }

    /// <summary>The texts of one column, each distinct text made once.</summary>
    private sealed class TextPool
    {
        private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);
        private char[] _chars = new char[64];

        public string Read(byte[] raw, ref int at)
        {
            var length = (int)ReadVarint(raw, ref at);
            if (_chars.Length < length)
            {
                _chars = new char[length];
            }

            var written = Encoding.UTF8.GetChars(raw.AsSpan(at, length), _chars);
            at += length;
            var lookup = _texts.GetAlternateLookup<ReadOnlySpan<char>>();
            if (!lookup.TryGetValue(_chars.AsSpan(0, written), out var text))
            {
                text = new string(_chars, 0, written);
                _texts.Add(text, text);
            }

            return text;
        }
    }
}
