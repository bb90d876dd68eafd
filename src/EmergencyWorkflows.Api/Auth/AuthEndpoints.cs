using System.Security.Claims;
using EmergencyWorkflows.Api.Errors;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EmergencyWorkflows.Api.Auth;

internal static class AuthEndpoints
{
    private const string WrongCredentials = "The user name or password is incorrect.";

    public static IEndpointRouteBuilder MapAuth(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Auth");
        group.MapPost("/token", IssueToken).AllowAnonymous();
        group.MapPost("/login", LoginAsync).AllowAnonymous();
        group.MapPost("/logout", LogoutAsync).AllowAnonymous();
        group.MapGet("/me", Me).RequireAuthorization(AuthPolicies.Reporter);
        return app;
    }

    private static Results<Ok<TokenResponse>, ProblemHttpResult> IssueToken(
        Credentials? body, UserDirectory users, AccessTokenIssuer issuer, ILogger<UserDirectory> logger)
    {
        if (!issuer.IsEnabled)
        {
            return Problems.NotFound("This service issues no tokens: get one from the configured identity provider (Auth:Jwt:Authority).");
        }

        if (Missing(body) is { } missing)
        {
            return missing;
        }

        var user = users.Verify(body!.UserName, body.Password);
        if (user is null)
        {
            logger.LogWarning("Token refused for {UserName}: wrong user name or password", body.UserName);
            return Problems.Result(StatusCodes.Status401Unauthorized, WrongCredentials);
        }

        logger.LogInformation("Access token issued to {UserName}", user.UserName);
        return TypedResults.Ok(issuer.Issue(user));
    }

    private static async Task<Results<Ok<MeView>, ProblemHttpResult>> LoginAsync(
        Credentials? body, UserDirectory users, HttpContext context, ILogger<UserDirectory> logger)
    {
        if (Missing(body) is { } missing)
        {
            return missing;
        }

        var user = users.Verify(body!.UserName, body.Password);
        if (user is null)
        {
            logger.LogWarning("Sign-in refused for {UserName}: wrong user name or password", body.UserName);
            return Problems.Result(StatusCodes.Status401Unauthorized, WrongCredentials);
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(AuthClaims.For(user), AuthSchemes.Cookie, AuthClaims.UserName, AuthClaims.Role));
        await context.SignInAsync(AuthSchemes.Cookie, principal);
        logger.LogInformation("{UserName} signed in", user.UserName);
        return TypedResults.Ok(MeView.From(principal));
    }

    private static async Task<NoContent> LogoutAsync(HttpContext context, ILogger<UserDirectory> logger)
    {
        await context.SignOutAsync(AuthSchemes.Cookie);
        logger.LogInformation("{UserName} signed out", context.User.UserNameOf());
        return TypedResults.NoContent();
    }

    private static Ok<MeView> Me(ClaimsPrincipal user) => TypedResults.Ok(MeView.From(user));

    private static ProblemHttpResult? Missing(Credentials? body) =>
        string.IsNullOrWhiteSpace(body?.UserName) || string.IsNullOrEmpty(body.Password)
            ? Problems.BadRequest("Both 'userName' and 'password' are required.")
            : null;
}

internal sealed record Credentials(string? UserName, string? Password);

/// <summary>Who is calling, as <c>GET /api/auth/me</c> shows it.</summary>
internal sealed record MeView(string? UserName, string? DisplayName, IReadOnlyList<string> Roles, string? MemberId)
{
    public static MeView From(ClaimsPrincipal user) => new(user.UserNameOf(), user.DisplayNameOf(), user.RolesOf(), user.MemberIdOf());
}
