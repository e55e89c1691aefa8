using System.Buffers;

namespace TotangoReports.Api.Internal;

/// <summary>An exact-length view of an array rented from <see cref="ArrayPool{T}.Shared"/>, returned once on dispose.</summary>
internal sealed class PooledBuffer : IMemoryOwner<byte>
{
    private byte[]? array;
    private const long InitialCap = 16L << 20;

    private readonly int length;

    private PooledBuffer(byte[] array, int length)
    {
        this.array = array;
        this.length = length;
    }

    public Memory<byte> Memory => array is { } a ? a.AsMemory(0, length) : throw new ObjectDisposedException(nameof(PooledBuffer));

    public static PooledBuffer Empty() => new([], 0);

    /// <summary>Reads the whole stream into a rented buffer, sized from the content length when known.</summary>
    public static async Task<PooledBuffer> ReadAllAsync(Stream stream, long? contentLength, CancellationToken cancellationToken)
    {
        // Content-Length is only the server's word: a start size, never trusted to rent gigabytes up front.
        var capacity = contentLength is > 0 and < InitialCap ? (int)contentLength.Value + 1 : 256 * 1024;
        var buffer = ArrayPool<byte>.Shared.Rent(capacity);
        var filled = 0;
        try
        {
            while (true)
            {
                if (filled == buffer.Length)
                {
                    var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, filled).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }

                var read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return new PooledBuffer(buffer, filled);
                }

                filled += read;
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    /// <summary>Wraps bytes that were not rented (dispose does nothing to them).</summary>
    public static IMemoryOwner<byte> Wrap(ReadOnlyMemory<byte> bytes) => new UnpooledBuffer(bytes);

    public void Dispose()
    {
        var a = Interlocked.Exchange(ref array, null);
        if (a is { Length: > 0 })
        {
            ArrayPool<byte>.Shared.Return(a);
        }
    }
}
