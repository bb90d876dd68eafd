using EmergencyWorkflows.Api.Errors;

namespace EmergencyWorkflows.Api.Auth;

/// <summary>
/// The 401 and 403 answers of both schemes: ProblemDetails saying what to do, never a redirect to a login page
/// (API clients, Elsa Studio and the pages' scripts all read the status).
/// </summary>
internal static class AuthProblems
{
    public const string SignInFirst =
        "Authentication is required: send 'Authorization: Bearer <token>' (POST /api/auth/token) or sign in (POST /api/auth/login).";

    public const string InvalidToken =
        "The access token is invalid or has expired; get a new one from POST /api/auth/token.";

    public static Task UnauthorizedAsync(HttpContext context, string detail)
    {
        // RFC 9110: a 401 names a scheme the client can use; the bearer scheme's own challenge may have set it already.
        if (string.IsNullOrEmpty(context.Response.Headers.WWWAuthenticate))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
        }

        return WriteAsync(context, StatusCodes.Status401Unauthorized, detail);
    }

    public static Task ForbiddenAsync(HttpContext context) =>
        WriteAsync(context, StatusCodes.Status403Forbidden,
            $"Your roles do not allow {context.Request.Method} {context.Request.Path}.");

    private static async Task WriteAsync(HttpContext context, int status, string detail)
    {
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = Problems.Create(status, detail) });
    }
}
