using MimeKit;

namespace EmergencyWorkflows.Emergency.Tests.Notifications.Smtp;

public sealed record ReceivedMail(string MailFrom, IReadOnlyList<string> RecipientsTo, MimeMessage Message);
