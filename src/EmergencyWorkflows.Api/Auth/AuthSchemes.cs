namespace EmergencyWorkflows.Api.Auth;

/// <summary>
/// The authentication schemes. <see cref="BearerOrCookie"/> is the default: it forwards to <see cref="Bearer"/> when
/// the request carries <c>Authorization: Bearer</c>, else to <see cref="Cookie"/> (pages and Elsa Studio, same origin).
/// </summary>
internal static class AuthSchemes
{
    public const string BearerOrCookie = "BearerOrCookie";
    public const string Bearer = "Bearer";
    public const string Cookie = "Cookie";

    public static string Select(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var authorization = context.Request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? Bearer : Cookie;
    }
}
