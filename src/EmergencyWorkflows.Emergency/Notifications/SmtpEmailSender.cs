using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using EmergencyWorkflows.Emergency.Team;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace EmergencyWorkflows.Emergency.Notifications;

/// <summary>
/// Sends one email per call over SMTP with MailKit (connect, optional auth, send, quit). Failures are returned, not
/// thrown: SMTP 4xx replies and network errors are transient, 5xx replies and authentication failures are not.
/// Recipient addresses are masked in logs.
/// </summary>
public sealed class SmtpEmailSender(SmtpOptions options, ILogger<SmtpEmailSender> logger)
{
    private const string MessageIdDomain = "emergency-workflows";

    public async Task<DeliveryResult> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (string.IsNullOrWhiteSpace(options.FromAddress))
        {
            throw new InvalidOperationException("SMTP FromAddress is not configured.");
        }

        var mime = Compose(message);
        var to = PersonalData.MaskEmail(message.ToAddress);
        using var client = new SmtpClient { Timeout = (int)options.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(options.Host, options.Port, Map(options.Security), cancellationToken);
            if (!string.IsNullOrEmpty(options.UserName))
            {
                await client.AuthenticateAsync(options.UserName, options.Password ?? string.Empty, cancellationToken);
            }

            var reply = await client.SendAsync(mime, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
            logger.LogInformation("Email to {Recipient} accepted by {SmtpHost}: {SmtpReply}", to, options.Host, reply);
            return DeliveryResult.Delivered(250);
        }
        catch (SmtpCommandException ex)
        {
            var status = (int)ex.StatusCode;
            logger.LogWarning(ex, "Email to {Recipient} refused by {SmtpHost} with {StatusCode}", to, options.Host, status);
            return DeliveryResult.Failed(status, $"SMTP {status} ({ex.ErrorCode}): {ex.Message}", transient: status is >= 400 and < 500);
        }
        catch (AuthenticationException ex)
        {
            logger.LogWarning(ex, "SMTP authentication at {SmtpHost} failed", options.Host);
            return DeliveryResult.Failed(null, $"SMTP authentication failed: {ex.Message}", transient: false);
        }
        catch (Exception ex) when (ex is SmtpProtocolException or IOException or SocketException or SslHandshakeException or ServiceNotConnectedException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            logger.LogWarning(ex, "Email to {Recipient} via {SmtpHost}:{SmtpPort} failed", to, options.Host, options.Port);
            return DeliveryResult.Failed(null, $"SMTP connection failed: {ex.Message}", transient: true);
        }
    }

    internal MimeMessage Compose(EmailMessage message)
    {
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(options.FromName ?? string.Empty, options.FromAddress));
        mime.To.Add(new MailboxAddress(message.ToName ?? string.Empty, message.ToAddress));
        mime.Subject = message.Subject;
        mime.Body = new TextPart("plain") { Text = message.TextBody };
        if (message.DedupKey is { } key)
        {
            mime.MessageId = MessageIdFor(key);
            mime.Headers.Add("X-Emergency-Dedup-Key", key);
        }

        return mime;
    }

    // Same notification → same Message-ID, so a duplicate caused by a re-run job is visibly the same message.
    internal static string MessageIdFor(string dedupKey) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(dedupKey))) + "@" + MessageIdDomain;

    private static SecureSocketOptions Map(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTlsWhenAvailable => SecureSocketOptions.StartTlsWhenAvailable,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => throw new ArgumentOutOfRangeException(nameof(security), security, "Unknown SMTP security option."),
    };
}
