using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Text;

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
        var values = new ArrayBufferWriter<byte>(Math.Max(64, count * 4));
        var tags = new byte[count];
        for (var i = 0; i < count; i++)
        {
            tags[i] = Write(values, cell(i));
        }

        var header = new ArrayBufferWriter<byte>(16);
        WriteVarint(header, (ulong)count);
        var raw = new byte[header.WrittenCount + count + values.WrittenCount];
        header.WrittenSpan.CopyTo(raw);
        tags.CopyTo(raw, header.WrittenCount);
        values.WrittenSpan.CopyTo(raw.AsSpan(header.WrittenCount + count));

        var compressed = new byte[4 + BrotliEncoder.GetMaxCompressedLength(raw.Length)];
        BinaryPrimitives.WriteInt32LittleEndian(compressed, raw.Length);
        if (!BrotliEncoder.TryCompress(raw, compressed.AsSpan(4), out var written, Quality, Window))
        {
            throw new InvalidOperationException("a history column could not be compressed");
        }

        return compressed[..(4 + written)];
    }

    public static object?[] Decode(byte[] blob)
    {
        var raw = new byte[BinaryPrimitives.ReadInt32LittleEndian(blob)];
        if (!BrotliDecoder.TryDecompress(blob.AsSpan(4), raw, out var length) || length != raw.Length)
        {
            throw new InvalidDataException("a stored history column is damaged (it does not decompress)");
        }

        var at = 0;
        var count = (int)ReadVarint(raw, ref at);
        var tags = at;
        at += count;
        var cells = new object?[count];
        for (var i = 0; i < count; i++)
        {
            cells[i] = raw[tags + i] switch
            {
                Null => null,
                Text => ReadText(raw, ref at),
                Number => ReadDouble(raw, ref at),
                Whole => (double)Unzig(ReadVarint(raw, ref at)),
                Tenths => Unzig(ReadVarint(raw, ref at)) / 10.0,
                Hundredths => Unzig(ReadVarint(raw, ref at)) / 100.0,
                Date => DateOnly.FromDayNumber((int)Unzig(ReadVarint(raw, ref at))),
                Instant => new DateTimeOffset(Unzig(ReadVarint(raw, ref at)), TimeSpan.Zero),
                InstantMs => DateTimeOffset.FromUnixTimeMilliseconds(Unzig(ReadVarint(raw, ref at))),
                var tag => throw new InvalidDataException($"unknown cell tag {tag} in a stored history column"),
            };
        }

        return cells;
    }

    /// <summary>The "shown" flags of a snapshot's rows, one bit each.</summary>
    public static byte[] EncodeFlags(int count, Func<int, bool> flag)
    {
        var bits = new byte[(count + 7) / 8];
        for (var i = 0; i < count; i++)
        {
            if (flag(i))
            {
                bits[i >> 3] |= (byte)(1 << (i & 7));
            }
        }

        return bits;
    }

    public static bool Flag(byte[] bits, int index) => (bits[index >> 3] & (1 << (index & 7))) != 0;

    private static byte Write(ArrayBufferWriter<byte> values, object? value)
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
    private static byte WriteNumber(ArrayBufferWriter<byte> values, double number)
    {
        foreach (var (scale, tag) in Scales)
        {
            var scaled = number * scale;
            if (Math.Abs(scaled) < 1e15 && Math.Round(scaled) == scaled && Math.Round(scaled) / scale == number && !(number == 0 && double.IsNegative(number)))
            {
                WriteVarint(values, Zig((long)scaled));
                return tag;
            }
        }

        BinaryPrimitives.WriteDoubleLittleEndian(values.GetSpan(8), number);
        values.Advance(8);
        return Number;
    }

    private static byte WriteInstant(ArrayBufferWriter<byte> values, long utcTicks)
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

    private static void WriteVarint(ArrayBufferWriter<byte> buffer, ulong value)
    {
        var span = buffer.GetSpan(10);
        var i = 0;
        while (value >= 0x80)
        {
            span[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[i++] = (byte)value;
        buffer.Advance(i);
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
}
