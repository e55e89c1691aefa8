using System.Buffers;
using RestSharp;
using RestSharp.Interceptors;

namespace TotangoReports.Api.Internal;

/// <summary>
/// Reads the response body, asynchronously, straight into one pooled buffer. RestSharp's default has HttpClient
/// buffer the body in a growing MemoryStream, then copies it to a fresh array and decodes it to a string: for
/// megabyte pages that is several large-object-heap allocations per page that linger until a full GC.
/// </summary>
/// <param name="pool">The source's buffer pool.</param>
internal sealed class BodyCapture(ArrayPool<byte> pool) : Interceptor
{
    public PooledBuffer Body { get; private set; } = PooledBuffer.Empty();

    /// <summary>Wires the capture into a request: headers-only completion, body read here, RestSharp reads nothing.</summary>
    public void Attach(RestRequest request)
    {
        request.CompletionOption = HttpCompletionOption.ResponseHeadersRead;
        request.Interceptors = [this];
        request.ResponseWriter = _ => null;
    }

    public override async ValueTask AfterHttpRequest(HttpResponseMessage responseMessage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(responseMessage);
        var stream = await responseMessage.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            Body = await PooledBuffer.ReadAllAsync(stream, responseMessage.Content.Headers.ContentLength, pool, cancellationToken).ConfigureAwait(false);
        }
    }
}
