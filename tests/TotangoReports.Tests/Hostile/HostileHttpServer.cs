using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace TotangoReports.Tests.Hostile;

/// <summary>One request as the hostile server read it: the target and its <c>offset</c>.</summary>
internal sealed record HostileRequest(string Target, int Offset, int Number);

/// <summary>
/// A deliberately broken HTTP/1.1 server on 127.0.0.1 for the hostile suites: each connection reads one request and
/// hands the raw stream to the test's responder, which may lie, stall, cut short or reset. One request per
/// connection; the server stops by itself after <c>lifetime</c> (default 60 s) or when disposed.
/// </summary>
internal sealed class HostileHttpServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly Func<HostileRequest, NetworkStream, Socket, CancellationToken, Task> respond;
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;
    private int requests;

    private HostileHttpServer(Func<HostileRequest, NetworkStream, Socket, CancellationToken, Task> respond, TimeSpan lifetime)
    {
        this.respond = respond;
        listener.Start();
        stop.CancelAfter(lifetime);
        loop = Task.Run(AcceptAsync);
    }

    public Uri BaseUrl => new(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/"));

    public int Requests => Volatile.Read(ref requests);

    public static HostileHttpServer Start(Func<HostileRequest, NetworkStream, Socket, CancellationToken, Task> respond, TimeSpan? lifetime = null) =>
        new(respond, lifetime ?? TimeSpan.FromSeconds(60));

    /// <summary>A plain answer: status line, Content-Length of the body, extra header lines, the body.</summary>
    public static async Task WriteAsync(Stream stream, string body, string extraHeaders = "", int status = 200, CancellationToken cancellationToken = default)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        await WriteAsync(stream, bytes, extraHeaders, status, cancellationToken: cancellationToken);
    }

    public static async Task WriteAsync(Stream stream, byte[] body, string extraHeaders = "", int status = 200, int? contentLength = null, CancellationToken cancellationToken = default)
    {
        var head = string.Create(CultureInfo.InvariantCulture, $"HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {contentLength ?? body.Length}\r\nConnection: close\r\n{extraHeaders}\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), cancellationToken);
        await stream.WriteAsync(body, cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }

    /// <summary>An active-list page: accounts <c>a{from}</c>… with a name, and whatever <c>total_items</c> the test claims.</summary>
    public static string Page(IEnumerable<string> ids, string totalItems)
    {
        var accounts = string.Join(",", ids.Select(id => "{\"account_id\":\"" + id + "\",\"name\":\"Account " + id + "\",\"engagement\":{\"score\":{\"current\":50}}}"));
        return $$"""{"accounts":[{{accounts}}],"total_items":{{totalItems}}}""";
    }

    public static IEnumerable<string> Ids(int from, int count) =>
        Enumerable.Range(from, Math.Max(0, count)).Select(i => "a" + i.ToString("D6", CultureInfo.InvariantCulture));

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        try
        {
            await loop;
        }
        catch (OperationCanceledException)
        {
        }

        stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        var handlers = new List<Task>();
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var client = await listener.AcceptTcpClientAsync(stop.Token);
                handlers.Add(HandleAsync(client));
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        await Task.WhenAll(handlers.Select(h => h.ContinueWith(_ => { }, TaskScheduler.Default)));
    }

    private async Task HandleAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            var head = await ReadHeadAsync(stream);
            var target = head.Split(' ') is { Length: > 1 } parts ? parts[1] : "/";
            var query = target.Contains('?', StringComparison.Ordinal) ? target[(target.IndexOf('?', StringComparison.Ordinal) + 1)..] : string.Empty;
            var offset = query.Split('&').Select(p => p.Split('=')).Where(p => p.Length == 2 && p[0] == "offset")
                .Select(p => int.Parse(p[1], CultureInfo.InvariantCulture)).FirstOrDefault();
            var number = Interlocked.Increment(ref requests);
            await respond(new HostileRequest(target, offset, number), stream, client.Client, stop.Token);
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client gave up or the test ended: nothing to clean up beyond the connection.
        }
    }

    private async Task<string> ReadHeadAsync(NetworkStream stream)
    {
        var buffer = new byte[16 * 1024];
        var filled = 0;
        while (filled < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(filled), stop.Token);
            if (read == 0)
            {
                break;
            }

            filled += read;
            if (Encoding.ASCII.GetString(buffer, 0, filled).Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                break;
            }
        }

        return Encoding.ASCII.GetString(buffer, 0, filled);
    }
}
