using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace EmergencyWorkflows.Emergency.Notifications;

/// <summary>
/// Issues and checks the one-click acknowledge token in each notification: base64url(JSON claims) "." base64url(HMAC-SHA256),
/// URL-safe without escaping. The claims are incident id, member id and expiry (whole Unix seconds). The signature is
/// checked (in constant time) before anything in the payload is trusted; expiry is checked against the instant passed in.
/// </summary>
public sealed class AckLinkSigner
{
    private const int MinimumKeyBytes = 32;
    private const string Purpose = "ack";
    private readonly byte[] _key;

    public AckLinkSigner(ReadOnlySpan<byte> key)
    {
        if (key.Length < MinimumKeyBytes)
        {
            throw new ArgumentException($"The acknowledge-link key must be at least {MinimumKeyBytes} bytes (HMAC-SHA256).", nameof(key));
        }

        _key = key.ToArray();
    }

    public string CreateToken(string incidentId, string memberId, DateTimeOffset expiresAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(incidentId);
        ArgumentException.ThrowIfNullOrWhiteSpace(memberId);
        var claims = new Claims(Purpose, incidentId, memberId, expiresAt.ToUnixTimeSeconds());
        var payload = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(claims));
        return payload + "." + Base64Url.EncodeToString(Sign(payload));
    }

    /// <summary>The link to put in a notification: <paramref name="baseUrl"/> with <c>?token=…</c> appended.</summary>
    public Uri CreateLink(Uri baseUrl, string incidentId, string memberId, DateTimeOffset expiresAt)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        var token = CreateToken(incidentId, memberId, expiresAt);
        var separator = string.IsNullOrEmpty(baseUrl.Query) ? "?" : "&";
        return new Uri(baseUrl.AbsoluteUri + separator + "token=" + token);
    }

    public AckLinkVerification Verify(string? token, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(token))
        {
            return AckLinkVerification.Tampered;
        }

        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || dot == token.Length - 1 || token.IndexOf('.', dot + 1) >= 0)
        {
            return AckLinkVerification.Tampered;
        }

        var payload = token[..dot];
        var signatureText = token[(dot + 1)..];
        if (!Base64Url.IsValid(signatureText) || !Base64Url.IsValid(payload))
        {
            return AckLinkVerification.Tampered;
        }

        var signature = Base64Url.DecodeFromChars(signatureText);
        if (!CryptographicOperations.FixedTimeEquals(signature, Sign(payload)))
        {
            return AckLinkVerification.Tampered;
        }

        Claims? claims;
        try
        {
            claims = JsonSerializer.Deserialize<Claims>(Base64Url.DecodeFromChars(payload));
        }
        catch (JsonException)
        {
            return AckLinkVerification.Tampered;
        }

        if (claims is null || claims.P != Purpose || string.IsNullOrEmpty(claims.I) || string.IsNullOrEmpty(claims.M))
        {
            return AckLinkVerification.Tampered;
        }

        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(claims.E);
        var status = now >= expiresAt ? AckLinkStatus.Expired : AckLinkStatus.Valid;
        return new AckLinkVerification(status, claims.I, claims.M, expiresAt);
    }

    private byte[] Sign(string payload) => HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(payload));

    // Short property names keep the link short; "p" binds the token to this purpose so another HMAC use of the key cannot pass.
    private sealed record Claims(string P, string I, string M, long E);
}
