namespace EmergencyWorkflows.Api.Auth;

/// <summary>The <c>Auth</c> section of appsettings.json.</summary>
internal sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>Signing keys starting with this are the development default and must be replaced in a deployment.</summary>
    public const string DevelopmentKeyPrefix = "dev-only-";

    public JwtSettings Jwt { get; set; } = new();

    public CookieSettings Cookie { get; set; } = new();

    /// <summary>The users this service signs in itself (development users; an OIDC provider replaces them).</summary>
    public List<ConfiguredUser> Users { get; set; } = [];
}

internal sealed class JwtSettings
{
    public string Issuer { get; set; } = "EmergencyWorkflows";

    public string Audience { get; set; } = "EmergencyWorkflows";

    /// <summary>HMAC-SHA256 key (at least 32 bytes of UTF-8) for the tokens this service issues and accepts.</summary>
    public string? SigningKey { get; set; }

    /// <summary>
    /// An OIDC authority (e.g. https://login.example.com/realms/emergency). When set, bearer tokens are validated
    /// against its published keys instead of <see cref="SigningKey"/>, and this service issues no tokens itself.
    /// </summary>
    public string? Authority { get; set; }

    public bool RequireHttpsMetadata { get; set; } = true;

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Tolerance for clock differences between the issuer and this service.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The claim holding the user name (an OIDC provider may use preferred_username).</summary>
    public string NameClaimType { get; set; } = AuthClaims.UserName;

    public string RoleClaimType { get; set; } = AuthClaims.Role;
}

internal sealed class CookieSettings
{
    public string Name { get; set; } = "ew.auth";

    /// <summary>A session ends after this long without a request (sliding).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);
}

/// <summary>One entry of <c>Auth:Users</c>. Give either a PBKDF2 <see cref="PasswordHash"/> or a development <see cref="Password"/>.</summary>
internal sealed class ConfiguredUser
{
    public string UserName { get; set; } = string.Empty;

    public string? DisplayName { get; set; }

    /// <summary>A development password; hashed in memory on first use and never kept or logged in clear beyond the configuration.</summary>
    public string? Password { get; set; }

    /// <summary>A hash produced by ASP.NET Core Identity's PasswordHasher (PBKDF2), for users that are not development users.</summary>
    public string? PasswordHash { get; set; }

    public List<string> Roles { get; set; } = [];

    /// <summary>The emergency team roster member this user is, if any.</summary>
    public string? MemberId { get; set; }
}
