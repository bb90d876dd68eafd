namespace EmergencyWorkflows.Emergency.Notifications;

/// <summary>How the SMTP connection is secured (mapped onto MailKit's options, kept ours so configuration does not
/// depend on MailKit's names).</summary>
public enum SmtpSecurity
{
    /// <summary>Plain text. Only for loopback relays and tests.</summary>
    None,

    /// <summary>STARTTLS if the server offers it (MailKit's Auto for non-TLS ports).</summary>
    StartTlsWhenAvailable,

    /// <summary>STARTTLS required (typically port 587).</summary>
    StartTls,

    /// <summary>Implicit TLS from the first byte (typically port 465).</summary>
    SslOnConnect,
}
