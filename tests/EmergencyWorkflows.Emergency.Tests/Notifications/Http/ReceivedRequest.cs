namespace EmergencyWorkflows.Emergency.Tests.Notifications.Http;

public sealed record ReceivedRequest(string Method, string Target, IReadOnlyDictionary<string, string> Headers, string Body);
