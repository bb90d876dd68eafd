namespace EmergencyWorkflows.Emergency.Notifications;

public enum AckLinkStatus
{
    Valid,
    Expired,

    /// <summary>The signature does not match, or the token is not one we issued (malformed).</summary>
    Tampered,
}
