namespace EmergencyWorkflows.Emergency.Notifications;

/// <summary>The <c>Emergency:AckLinks</c> section: the signing key, where a one-click link points, how long it lives.</summary>
public sealed record AckLinkOptions
{
    public const string Section = "Emergency:AckLinks";

    /// <summary>At least 32 bytes of secret (base64, or plain text of 32+ characters). Empty: a random key per process
    /// start, so links stop working after a restart (the host warns).</summary>
    public string? Key { get; init; }

    /// <summary>The one-click endpoint as people reach it; the signed token is appended as <c>?token=</c>.</summary>
    public Uri BaseUrl { get; init; } = new("http://localhost:5000/api/ack");

    public TimeSpan Lifetime { get; init; } = TimeSpan.FromDays(1);
}
