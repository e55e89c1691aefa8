using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using TotangoReports.Configuration;
using TotangoReports.Delivery;

namespace TotangoReports.Tests.Hostile;

/// <summary>
/// Peers that are slow on purpose: an SMTP server dripping its greeting a byte at a time never trips a per-read
/// timeout, so only an overall deadline ends the delivery.
/// </summary>
public sealed class SlowServerTests
{
    [Fact]
    public async Task SmtpServerDrippingItsGreeting_HitsTheOverallDeadline_AndFailsAsUndelivered()
    {
        // Arrange: one byte every 200 ms, well inside the 1 s per-read timeout; the server gives up by itself after 30 s.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var serverLife = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var server = Task.Run(async () =>
        {
            try
            {
                using var client = await listener.AcceptTcpClientAsync(serverLife.Token);
                var stream = client.GetStream();
                var greeting = "220 slow.example.com ESMTP " + new string('.', 1000);
                foreach (var ch in greeting)
                {
                    await stream.WriteAsync(new[] { (byte)ch }, serverLife.Token);
                    await Task.Delay(200, serverLife.Token);
                }
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException)
            {
                // The client hung up, or the test ended.
            }
        }, TestContext.Current.CancellationToken);
        var options = new SmtpOptions
        {
            Host = "127.0.0.1",
            Port = ((IPEndPoint)listener.LocalEndpoint).Port,
            From = "reports@example.com",
            UseTls = false,
            TimeoutSeconds = 1,
            DeadlineSeconds = 2,
            MaxRetries = 0,
        };
        var content = new EmailContent { To = ["exec@example.com"], Subject = "Weekly", TextBody = "Weekly" };
        var clock = Stopwatch.StartNew();

        // Act
        var ex = await Should.ThrowAsync<EmailDeliveryException>(() => new EmailSender(options).SendAsync(content, TestContext.Current.CancellationToken));

        // Assert
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
        ex.Message.ShouldContain("within 2 s (Smtp:DeadlineSeconds)");
        await serverLife.CancelAsync();
        listener.Stop();
        await server;
    }
}
