using System.Buffers;
using System.Runtime.InteropServices;

namespace TotangoReports.Api.Internal;

/// <summary>Bytes from a source that does not pool (sample, snapshot) behind the same lease the fetcher disposes.</summary>
internal sealed class UnpooledBuffer(ReadOnlyMemory<byte> bytes) : IMemoryOwner<byte>
{
    // Callers only read; the writable view is what IMemoryOwner demands.
    public Memory<byte> Memory { get; } = MemoryMarshal.AsMemory(bytes);

    public void Dispose()
    {
    }
}
