using System.Buffers;

namespace TotangoReports.Api.Internal;

/// <summary>An exact-length view of an array rented from a pool (the source's own), returned once on dispose.</summary>
internal sealed class PooledBuffer : IMemoryOwner<byte>
{
    private byte[]? _array;
    private const long InitialCap = 16L << 20;

    private readonly int _length;
    private readonly ArrayPool<byte> _pool;

    private PooledBuffer(byte[] array, int length, ArrayPool<byte> pool)
    {
        _array = array;
        _length = length;
        _pool = pool;
    }

    public Memory<byte> Memory => _array is { } a ? a.AsMemory(0, _length) : throw new ObjectDisposedException(nameof(PooledBuffer));

    public static PooledBuffer Empty() => new([], 0, ArrayPool<byte>.Shared);

    /// <summary>Reads the whole stream into a rented buffer, sized from the content length when known.</summary>
    /// <param name="pool">
    /// Where the buffer comes from and goes back to: the source's own pool, so the megabytes of page buffers a fetch
    /// used are let go with the source instead of staying in the process-wide pool for the rest of the run.
    /// </param>
    public static async Task<PooledBuffer> ReadAllAsync(Stream stream, long? contentLength, ArrayPool<byte> pool, CancellationToken cancellationToken)
    {
        // Content-Length is only the server's word: a start size, never trusted to rent gigabytes up front.
        var capacity = contentLength is > 0 and < InitialCap ? (int)contentLength.Value + 1 : 256 * 1024;
        var buffer = pool.Rent(capacity);
        var filled = 0;
        try
        {
            while (true)
            {
                if (filled == buffer.Length)
                {
                    var bigger = pool.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, filled).CopyTo(bigger);
                    pool.Return(buffer);
                    buffer = bigger;
                }

                var read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return new PooledBuffer(buffer, filled, pool);
                }

                filled += read;
            }
        }
        catch
        {
            pool.Return(buffer);
            throw;
        }
    }

    /// <summary>Wraps bytes that were not rented (dispose does nothing to them).</summary>
    public static IMemoryOwner<byte> Wrap(ReadOnlyMemory<byte> bytes) => new UnpooledBuffer(bytes);

    public void Dispose()
    {
        var a = Interlocked.Exchange(ref _array, null);
        if (a is { Length: > 0 })
        {
            _pool.Return(a);
        }
    }
}
