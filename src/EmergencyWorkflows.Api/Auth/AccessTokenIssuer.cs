using System.Security.Claims;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace EmergencyWorkflows.Api.Auth;

/// <summary>
/// Issues the HMAC-SHA256 access tokens this service accepts when no OIDC authority is configured. Times come from
/// the injected <see cref="TimeProvider"/>.
/// </summary>
internal sealed class AccessTokenIssuer(IOptions<AuthOptions> options, TimeProvider time)
{
    private readonly JsonWebTokenHandler handler = new();

    /// <summary>False when an OIDC authority issues the tokens (this service's own would not be accepted).</summary>
    public bool IsEnabled => string.IsNullOrWhiteSpace(options.Value.Jwt.Authority);

    public TokenResponse Issue(ApiUser user) => Issue(user, time.GetUtcNow());

    /// <summary>A token as if issued at <paramref name="issuedAt"/> (tests mint expired tokens with it).</summary>
    public TokenResponse Issue(ApiUser user, DateTimeOffset issuedAt)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!IsEnabled)
        {
            throw new InvalidOperationException("Access tokens are issued by the configured OIDC authority, not by this service.");
        }

        var jwt = options.Value.Jwt;
        var expires = issuedAt + jwt.AccessTokenLifetime;
        var token = handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = jwt.Issuer,
            Audience = jwt.Audience,
            Subject = new ClaimsIdentity(AuthClaims.For(user)),
            IssuedAt = issuedAt.UtcDateTime,
            NotBefore = issuedAt.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(SigningKey(jwt), SecurityAlgorithms.HmacSha256),
        });
        return new TokenResponse(token, "Bearer", expires, (int)jwt.AccessTokenLifetime.TotalSeconds);
    }

    public static SymmetricSecurityKey SigningKey(JwtSettings jwt)
    {
        ArgumentNullException.ThrowIfNull(jwt);
        return new SymmetricSecurityKey(Encoding.UTF8.GetBytes(jwt.SigningKey ?? string.Empty));
    }
}

/// <summary>The answer of <c>POST /api/auth/token</c>.</summary>
internal sealed record TokenResponse(string AccessToken, string TokenType, DateTimeOffset ExpiresAt, int ExpiresIn);
