using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace TotangoReports.Store.Internal;

/// <summary>
/// One column of one snapshot as a compressed, typed vector: a tag per cell (null, text, number, date, instant) and its
/// value, Brotli-compressed. One blob per column keeps a 100,000-account snapshot to a few rows of the store, so
/// recording and reading it are a handful of statements, and a column is read without touching the others.
/// </summary>
internal static class CellVector
{
    private const byte Null = 0;
    private const byte Text = 1;
    private const byte Number = 2;
    private const byte Date = 3;
    private const byte Instant = 4;

    public static byte[] Encode(int count, Func<int, object?> cell)
    {
        using var buffer = new MemoryStream();
        using (var compressor = new BrotliStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        using (var writer = new BinaryWriter(compressor, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(count);
            for (var i = 0; i < count; i++)
            {
                Write(writer, cell(i));
            }
        }

        return buffer.ToArray();
    }

    public static object?[] Decode(byte[] blob)
    {
        using var reader = new BinaryReader(new BrotliStream(new MemoryStream(blob), CompressionMode.Decompress), Encoding.UTF8);
        var count = reader.ReadInt32();
        var cells = new object?[count];
        for (var i = 0; i < count; i++)
        {
            cells[i] = reader.ReadByte() switch
            {
                Null => null,
                Text => reader.ReadString(),
                Number => reader.ReadDouble(),
                Date => DateOnly.FromDayNumber(reader.ReadInt32()),
                Instant => new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero),
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

    private static void Write(BinaryWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.Write(Null);
                break;
            case string text:
                writer.Write(Text);
                writer.Write(text);
                break;
            case double number:
                writer.Write(Number);
                writer.Write(number);
                break;
            case DateOnly date:
                writer.Write(Date);
                writer.Write(date.DayNumber);
                break;
            case DateTimeOffset instant:
                writer.Write(Instant);
                writer.Write(instant.UtcTicks);
                break;
            case DateTime time:
                writer.Write(Instant);
                writer.Write(new DateTimeOffset(DateTime.SpecifyKind(time, time.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : time.Kind)).UtcTicks);
                break;
            case IConvertible convertible when value is not bool:
                // Other numbers (int, long, decimal) as cells of a table built by hand: a number is a number.
                writer.Write(Number);
                writer.Write(convertible.ToDouble(CultureInfo.InvariantCulture));
                break;
            default:
                writer.Write(Text);
                writer.Write(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty);
                break;
        }
    }
}
