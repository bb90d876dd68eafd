namespace EmergencyWorkflows.Emergency.Notifications;

/// <summary>What one delivery attempt did. <see cref="Transient"/> failures are worth retrying (network errors,
/// timeouts, HTTP 408/429/5xx, SMTP 4xx); the others will fail the same way again.</summary>
public sealed record DeliveryResult(bool Succeeded, int? StatusCode, string? Error, bool Transient)
{
    public static DeliveryResult Delivered(int? statusCode) => new(true, statusCode, null, false);

    public static DeliveryResult Failed(int? statusCode, string error, bool transient) => new(false, statusCode, error, transient);
}
