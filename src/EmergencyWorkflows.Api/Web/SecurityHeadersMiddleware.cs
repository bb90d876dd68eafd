namespace EmergencyWorkflows.Api.Web;

/// <summary>
/// Security headers on every answer, and on the pages a strict content security policy (scripts and styles only
/// from this service, no inline script, no framing) and <c>Cache-Control: no-store</c>: pages show personal data.
/// Elsa Studio (WebAssembly) and the Hangfire dashboard bring their own inline scripts and keep their defaults.
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public const string PageContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            if (IsPage(path))
            {
                headers.XFrameOptions = "DENY";
                headers.ContentSecurityPolicy = PageContentSecurityPolicy;
                if (!IsStaticFile(path))
                {
                    headers.CacheControl = "no-store";
                    headers.Pragma = "no-cache";
                }
            }

            return Task.CompletedTask;
        });
        return next(context);
    }

    /// <summary>Everything but the JSON API, the Elsa API, the Studio and the Hangfire dashboard.</summary>
    public static bool IsPage(PathString path) =>
        !path.StartsWithSegments("/api") && !path.StartsWithSegments("/elsa")
        && !path.StartsWithSegments("/studio") && !path.StartsWithSegments("/hangfire")
        && !path.StartsWithSegments("/health");

    private static bool IsStaticFile(PathString path) =>
        path.StartsWithSegments("/css") || path.StartsWithSegments("/js") || path.StartsWithSegments("/img");
}
