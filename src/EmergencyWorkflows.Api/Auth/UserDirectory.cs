using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace EmergencyWorkflows.Api.Auth;

/// <summary>
/// The users from <c>Auth:Users</c>. Passwords are compared as PBKDF2 hashes (ASP.NET Core Identity's PasswordHasher);
/// a development password from the configuration is hashed on first use, so start-up stays cheap. An unknown user
/// costs the same hash check as a known one, so response times do not reveal which user names exist.
/// </summary>
internal sealed class UserDirectory
{
    private readonly PasswordHasher<ApiUser> hasher = new();
    private readonly Dictionary<string, Entry> users;
    private readonly Lazy<string> decoyHash;

    public UserDirectory(IOptions<AuthOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        users = new Dictionary<string, Entry>(StringComparer.OrdinalIgnoreCase);
        foreach (var configured in options.Value.Users)
        {
            var user = ToUser(configured);
            var password = configured.Password;
            var hash = configured.PasswordHash is { Length: > 0 } given
                ? new Lazy<string>(given)
                : new Lazy<string>(() => hasher.HashPassword(user, password!));
            users[user.UserName] = new Entry(user, hash);
        }

        decoyHash = new Lazy<string>(() => hasher.HashPassword(new ApiUser("decoy", "decoy", [], null), Guid.NewGuid().ToString("N")));
    }

    public ApiUser? Find(string userName) => users.TryGetValue(userName, out var entry) ? entry.User : null;

    /// <summary>The user when the name and password match; null otherwise (without saying which was wrong).</summary>
    public ApiUser? Verify(string? userName, string? password)
    {
        if (string.IsNullOrEmpty(userName) || string.IsNullOrEmpty(password))
        {
            return null;
        }

        if (!users.TryGetValue(userName, out var entry))
        {
            hasher.VerifyHashedPassword(new ApiUser(userName, userName, [], null), decoyHash.Value, password);
            return null;
        }

        return hasher.VerifyHashedPassword(entry.User, entry.Hash.Value, password) == PasswordVerificationResult.Failed
            ? null
            : entry.User;
    }

    private static ApiUser ToUser(ConfiguredUser configured)
    {
        var roles = configured.Roles.Select(AuthRoles.Normalize).OfType<string>().Append(AuthRoles.Reporter)
            .Distinct(StringComparer.Ordinal).OrderBy(r => AuthRoles.All.ToList().IndexOf(r)).ToList();
        var displayName = string.IsNullOrWhiteSpace(configured.DisplayName) ? configured.UserName : configured.DisplayName;
        var memberId = string.IsNullOrWhiteSpace(configured.MemberId) ? null : configured.MemberId;
        return new ApiUser(configured.UserName, displayName, roles, memberId);
    }

    private sealed record Entry(ApiUser User, Lazy<string> Hash);
}
