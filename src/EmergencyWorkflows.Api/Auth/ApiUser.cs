namespace EmergencyWorkflows.Api.Auth;

/// <summary>A user this service knows: name, display name, canonical roles (always including Reporter), roster link.</summary>
internal sealed record ApiUser(string UserName, string DisplayName, IReadOnlyList<string> Roles, string? MemberId);
