namespace EmergencyWorkflows.Emergency.Notifications;

/// <summary>Configuration shape for <see cref="SmtpEmailSender"/> (bound from e.g. <c>Emergency:Smtp</c>).</summary>
public sealed record SmtpOptions
{
    public string Host { get; init; } = "localhost";

    public int Port { get; init; } = 25;

    public SmtpSecurity Security { get; init; } = SmtpSecurity.StartTlsWhenAvailable;

    public string FromAddress { get; init; } = string.Empty;

    public string? FromName { get; init; }

    public string? UserName { get; init; }

    public string? Password { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);
}
