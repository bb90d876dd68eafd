using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace EmergencyWorkflows.Emergency.Notifications;

/// <summary>
/// POSTs a formatted JSON body to a webhook. A non-2xx status is a failure carrying the status. WeCom and DingTalk
/// answer 200 with a non-zero <c>errcode</c>, and Feishu 200 with a non-zero <c>code</c>, when they refuse a message;
/// those are failures too. Webhook URLs embed their secret (key, access_token), so only the host is logged.
/// </summary>
public sealed class HttpWebhookSender(HttpClient http, ILogger<HttpWebhookSender> logger)
{
    private static readonly MediaTypeHeaderValue JsonUtf8 = new("application/json") { CharSet = "utf-8" };

    public async Task<DeliveryResult> SendAsync(Uri endpoint, string jsonBody, NotificationChannel channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(jsonBody);

        using var content = new StringContent(jsonBody, Encoding.UTF8);
        content.Headers.ContentType = JsonUtf8;
        HttpResponseMessage response;
        try
        {
            response = await http.PostAsync(endpoint, content, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            logger.LogWarning(ex, "Webhook {Channel} to {Host} failed before a response", channel, endpoint.Host);
            return DeliveryResult.Failed(null, $"No response: {ex.Message}", transient: true);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Webhook {Channel} to {Host} timed out", channel, endpoint.Host);
            return DeliveryResult.Failed(null, "Timed out waiting for the webhook.", transient: true);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("Webhook {Channel} to {Host} answered {StatusCode}", channel, endpoint.Host, status);
                return DeliveryResult.Failed(status, $"HTTP {status} {response.ReasonPhrase}: {Truncate(body)}", IsTransient(response.StatusCode));
            }

            if (PlatformError(channel, body) is { } platformError)
            {
                logger.LogWarning("Webhook {Channel} to {Host} refused the message: {PlatformError}", channel, endpoint.Host, platformError);
                return DeliveryResult.Failed(status, platformError, transient: false);
            }

            logger.LogInformation("Webhook {Channel} to {Host} delivered ({StatusCode})", channel, endpoint.Host, status);
            return DeliveryResult.Delivered(status);
        }
    }

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    private static string? PlatformError(NotificationChannel channel, string body)
    {
        var field = channel switch
        {
            NotificationChannel.WeCom or NotificationChannel.DingTalk => "errcode",
            NotificationChannel.Feishu => "code",
            _ => null,
        };
        if (field is null || string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty(field, out var code)
                && code.ValueKind == JsonValueKind.Number
                && code.GetInt64() != 0)
            {
                var message = doc.RootElement.TryGetProperty("errmsg", out var m) || doc.RootElement.TryGetProperty("msg", out m)
                    ? m.ToString()
                    : string.Empty;
                return $"{channel} {field} {code.GetInt64()}: {message}";
            }
        }
        catch (JsonException)
        {
            // A 2xx with a body that is not JSON: the platform accepted the request; nothing to interpret.
        }

        return null;
    }

    private static string Truncate(string body) => body.Length <= 200 ? body : body[..200] + "…";
}
