namespace EmergencyWorkflows.Emergency.Notifications;

/// <summary>The outcome of checking an acknowledge token. Claims are present for Valid and Expired (the signature
/// held, so they are ours), absent for Tampered.</summary>
public sealed record AckLinkVerification(AckLinkStatus Status, string? IncidentId, string? MemberId, DateTimeOffset? ExpiresAt)
{
    public bool IsValid => Status == AckLinkStatus.Valid;

    internal static AckLinkVerification Tampered { get; } = new(AckLinkStatus.Tampered, null, null, null);
}
