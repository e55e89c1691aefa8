using System.Globalization;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TotangoReports.Configuration;
using TotangoReports.Delivery.Internal;

namespace TotangoReports.Delivery;

/// <summary>
/// Sends a report mail over SMTP with MailKit. Temporary refusals (4xx) are retried with back-off; permanent ones (5xx)
/// are not; once the server accepted the message data it is never sent again. Too-big messages are refused before
/// sending, against the server's advertised SIZE.
/// </summary>
internal sealed class EmailSender(SmtpOptions options, TimeProvider? timeProvider = null, ILogger? logger = null)
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private readonly ILogger _log = logger ?? NullLogger.Instance;

    /// <summary>Sends <paramref name="content"/>; returns the message size in bytes.</summary>
    public async Task<long> SendAsync(EmailContent content, CancellationToken cancellationToken)
    {
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new EmailDeliveryException("cannot send the report mail: " + string.Join("; ", problems));
        }

        var message = MimeBuilder.Build(content, options.From!);
        var count = content.To.Count + content.Cc.Count + content.Bcc.Count;
        return await SendWithDeadlineAsync(message, null, count, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends an already-built <paramref name="message"/> to <paramref name="recipient"/> alone (the SMTP envelope; the
    /// headers stay as they are), over its own connection: one recipient, one transaction, so one refusal fails only
    /// that recipient. Returns the message size in bytes.
    /// </summary>
    public async Task<long> SendToAsync(MimeKit.MimeMessage message, string recipient, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new EmailDeliveryException("cannot send the report mail: " + string.Join("; ", problems));
        }

        return await SendWithDeadlineAsync(message, MimeKit.MailboxAddress.Parse(recipient), 1, cancellationToken).ConfigureAwait(false);
    }

    private async Task<long> SendWithDeadlineAsync(MimeKit.MimeMessage message, MimeKit.MailboxAddress? recipient, int count, CancellationToken cancellationToken)
    {
        var size = MimeBuilder.MeasureBytes(message);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(options.DeadlineSeconds), _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            return await SendWithRetriesAsync(message, recipient, count, size, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new EmailDeliveryException(
                string.Create(CultureInfo.InvariantCulture, $"the SMTP server {options.Host}:{options.Port} did not finish taking the mail within {options.DeadlineSeconds} s (Smtp:DeadlineSeconds); it answers too slowly or not at all"),
                ex);
        }
    }

    private async Task<long> SendWithRetriesAsync(MimeKit.MimeMessage message, MimeKit.MailboxAddress? recipient, int count, long size, CancellationToken cancellationToken)
    {
        var attempt = 0;
        while (true)
        {
            attempt++;
            try
            {
                await SendOnceAsync(message, recipient, size, cancellationToken).ConfigureAwait(false);
                _log.LogInformation("mail sent to {Count} recipient(s), {Bytes} bytes", count, size);
                return size;
            }
            catch (SmtpCommandException ex) when (IsTemporary(ex) && attempt <= options.MaxRetries)
            {
                var delay = options.RetryDelay * Math.Pow(2, attempt - 1);
                _log.LogWarning("SMTP server answered {Status} ({Reply}); retry {Attempt} of {Max} in {Delay}s", (int)ex.StatusCode, ex.Message, attempt, options.MaxRetries, delay.TotalSeconds);
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (SmtpCommandException ex)
            {
                throw new EmailDeliveryException(
                    string.Create(CultureInfo.InvariantCulture, $"the SMTP server {options.Host}:{options.Port} refused the mail: {(int)ex.StatusCode} {ex.Message}"),
                    ex);
            }
            catch (Exception ex) when (ex is SocketException or IOException or SmtpProtocolException or SslHandshakeException or AuthenticationException or TimeoutException)
            {
                throw new EmailDeliveryException($"could not deliver the mail through {options.Host}:{options.Port.ToString(CultureInfo.InvariantCulture)}: {ex.Message}", ex);
            }
        }
    }

    private async Task SendOnceAsync(MimeKit.MimeMessage message, MimeKit.MailboxAddress? recipient, long size, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient { Timeout = checked(options.TimeoutSeconds * 1000) };
        try
        {
            await client.ConnectAsync(options.Host!, options.Port, SocketOptions(), cancellationToken).ConfigureAwait(false);
        }
        catch (NotSupportedException ex) when (SocketOptions() == SecureSocketOptions.StartTls)
        {
            // MailKit says so with NotSupportedException, which surfaced as an unexpected failure (exit 1).
            throw new EmailDeliveryException($"the SMTP server {options.Host}:{options.Port.ToString(CultureInfo.InvariantCulture)} does not offer STARTTLS, so the mail was not sent; for a local relay without TLS set Smtp:UseTls=false (environment Smtp__UseTls=false), otherwise use the server's TLS port", ex);
        }

        if (!string.IsNullOrEmpty(options.User))
        {
            // MailKit throws NotSupportedException here, which surfaced as an unexpected failure (exit 1).
            if (!client.Capabilities.HasFlag(SmtpCapabilities.Authentication))
            {
                throw new EmailDeliveryException($"the SMTP server {options.Host}:{options.Port.ToString(CultureInfo.InvariantCulture)} does not offer authentication (AUTH) but Smtp:User is set; unset Smtp__User for an open relay, or use the server's TLS port (authentication is often offered only after TLS)");
            }

            await client.AuthenticateAsync(options.User, options.Password ?? string.Empty, cancellationToken).ConfigureAwait(false);
        }

        if (client.Capabilities.HasFlag(SmtpCapabilities.Size) && client.MaxSize > 0 && size > client.MaxSize)
        {
            throw new EmailDeliveryException(string.Create(
                CultureInfo.InvariantCulture,
                $"the report mail is {size:N0} bytes (attachments base64-encoded) but {options.Host} accepts at most {client.MaxSize:N0} bytes; attach fewer formats (delivery.email.attach) or link to the files instead"));
        }

        if (recipient is null)
        {
            await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await client.SendAsync(message, message.From.Mailboxes.First(), [recipient], cancellationToken).ConfigureAwait(false);
        }

        // Accepted is delivered: a failure saying goodbye must not fail the run (and mail the report again tomorrow).
        try
        {
            await client.DisconnectAsync(quit: true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or SmtpProtocolException or SmtpCommandException or TimeoutException or SocketException)
        {
            _log.LogDebug("SMTP QUIT failed after the message was accepted: {Reason}", ex.Message);
        }
    }

    private SecureSocketOptions SocketOptions() => options.UseTls switch
    {
        false => SecureSocketOptions.None,
        _ when options.Port == 465 => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };

    private static bool IsTemporary(SmtpCommandException ex) => (int)ex.StatusCode is >= 400 and < 500;
}
