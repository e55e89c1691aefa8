using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace TotangoReports.Tests.Delivery;

/// <summary>A real SMTP server (the SmtpServer package) on 127.0.0.1, keeping what it accepted as parsed MIME.</summary>
internal sealed class LoopbackSmtpServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;
    private readonly Store _store;

    private LoopbackSmtpServer(int port, int maxMessageSize, Queue<SmtpReplyCode> replies)
    {
        Port = port;
        _store = new Store(replies);
        var builder = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port)).IsSecure(false));
        if (maxMessageSize > 0)
        {
            builder.MaxMessageSize(maxMessageSize, MaxMessageSizeHandling.Strict);
        }

        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(_store);
        var server = new SmtpServer.SmtpServer(builder.Build(), services);
        _running = server.StartAsync(_stop.Token);
    }

    public int Port { get; }

    /// <summary>Every DATA the server saw, accepted or not.</summary>
    public int Attempts => _store.Attempts;

    /// <summary>The messages it accepted (answered 250).</summary>
    public IReadOnlyCollection<MimeMessage> Accepted => _store.Accepted;

    /// <summary>Each accepted message with its envelope recipients (RCPT TO), in the order accepted.</summary>
    public IReadOnlyCollection<(IReadOnlyList<string> Recipients, MimeMessage Message)> Deliveries => _store.Deliveries;

    /// <summary>Mailboxes whose messages the server refuses with 550 (a full or closed mailbox); change it to "fix" one.</summary>
    public ConcurrentDictionary<string, bool> Refused => _store.Refused;

    /// <param name="replies">Replies to the first DATA commands, in order (e.g. 451 then the default 250).</param>
    public static LoopbackSmtpServer Start(int maxMessageSize = 0, params SmtpReplyCode[] replies)
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new LoopbackSmtpServer(port, maxMessageSize, new Queue<SmtpReplyCode>(replies));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private sealed class Store(Queue<SmtpReplyCode> replies) : MessageStore
    {
        private int _attempts;

        public ConcurrentQueue<MimeMessage> Accepted { get; } = new();

        public ConcurrentQueue<(IReadOnlyList<string> Recipients, MimeMessage Message)> Deliveries { get; } = new();

        public ConcurrentDictionary<string, bool> Refused { get; } = new(StringComparer.OrdinalIgnoreCase);

        public int Attempts => _attempts;

        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _attempts);
            lock (replies)
            {
                if (replies.TryDequeue(out var code) && code != SmtpReplyCode.Ok)
                {
                    return Task.FromResult(new SmtpResponse(code, "scripted refusal"));
                }
            }

            var recipients = transaction.To.Select(m => m.User + "@" + m.Host).ToList();
            if (recipients.Exists(r => Refused.ContainsKey(r)))
            {
                return Task.FromResult(new SmtpResponse(SmtpReplyCode.MailboxUnavailable, "mailbox unavailable (scripted)"));
            }

            using var stream = new MemoryStream(buffer.ToArray());
            var message = MimeMessage.Load(stream, CancellationToken.None);
            Accepted.Enqueue(message);
            Deliveries.Enqueue((recipients, message));
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}
