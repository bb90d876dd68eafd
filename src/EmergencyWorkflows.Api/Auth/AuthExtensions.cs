using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace EmergencyWorkflows.Api.Auth;

internal static class AuthExtensions
{
    /// <summary>
    /// One identity system for the API, the pages and Elsa Studio: users from <c>Auth:Users</c>, JWT bearer tokens
    /// (this service's key, or an OIDC authority's when <c>Auth:Jwt:Authority</c> is set), a same-origin cookie with a
    /// sliding inactivity timeout, a policy scheme choosing between them, and the role policies of
    /// <see cref="AuthPolicies"/>. An Auth section that cannot work stops the start with the reason.
    /// </summary>
    public static IServiceCollection AddApiAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuthOptions>().Bind(configuration.GetSection(AuthOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        services.AddSingleton<UserDirectory>();
        services.AddSingleton<AccessTokenIssuer>();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = AuthSchemes.BearerOrCookie;
                o.DefaultSignInScheme = AuthSchemes.Cookie;
            })
            .AddPolicyScheme(AuthSchemes.BearerOrCookie, "Bearer token or cookie", o => o.ForwardDefaultSelector = AuthSchemes.Select)
            .AddJwtBearer(AuthSchemes.Bearer)
            .AddCookie(AuthSchemes.Cookie);
        services.AddOptions<JwtBearerOptions>(AuthSchemes.Bearer).Configure<IOptions<AuthOptions>, TimeProvider>(
            (o, auth, time) => ConfigureBearer(o, auth.Value.Jwt, time));
        services.AddOptions<CookieAuthenticationOptions>(AuthSchemes.Cookie).Configure<IOptions<AuthOptions>, TimeProvider>(
            (o, auth, time) => ConfigureCookie(o, auth.Value.Cookie, time));

        services.AddAuthorizationBuilder().AddApiPolicies();
        return services;
    }

    public static WebApplication UseApiAuth(this WebApplication app)
    {
        WarnAboutDevelopmentSecrets(app);
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    private static void ConfigureBearer(JwtBearerOptions o, JwtSettings jwt, TimeProvider time)
    {
        o.MapInboundClaims = false;
        o.TimeProvider = time;
        o.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateAudience = true,
            ValidAudience = jwt.Audience,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ClockSkew = jwt.ClockSkew,
            NameClaimType = jwt.NameClaimType,
            RoleClaimType = jwt.RoleClaimType,

            // Token lifetimes are read from the TimeProvider like every other time in the service.
            LifetimeValidator = (notBefore, expires, _, _) => IsWithinLifetime(notBefore, expires, time.GetUtcNow().UtcDateTime, jwt.ClockSkew),
        };

        if (string.IsNullOrWhiteSpace(jwt.Authority))
        {
            o.TokenValidationParameters.ValidateIssuer = true;
            o.TokenValidationParameters.ValidIssuer = jwt.Issuer;
            o.TokenValidationParameters.ValidateIssuerSigningKey = true;
            o.TokenValidationParameters.IssuerSigningKey = AccessTokenIssuer.SigningKey(jwt);
            o.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.HmacSha256];
        }
        else
        {
            // Issuer and signing keys come from the authority's OIDC discovery document.
            o.Authority = jwt.Authority;
            o.RequireHttpsMetadata = jwt.RequireHttpsMetadata;
        }

        o.Events = new JwtBearerEvents
        {
            OnChallenge = async context =>
            {
                context.HandleResponse();
                var failed = context.AuthenticateFailure is not null;
                context.Response.Headers.WWWAuthenticate = failed ? "Bearer error=\"invalid_token\"" : "Bearer";
                await AuthProblems.UnauthorizedAsync(context.HttpContext, failed ? AuthProblems.InvalidToken : AuthProblems.SignInFirst);
            },
            OnForbidden = context => AuthProblems.ForbiddenAsync(context.HttpContext),
        };
    }

    private static void ConfigureCookie(CookieAuthenticationOptions o, CookieSettings cookie, TimeProvider time)
    {
        o.TimeProvider = time;
        o.Cookie.Name = cookie.Name;
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Lax;
        o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;

        // Sliding: a request in the second half of the window renews it, so a session ends after IdleTimeout/2 to
        // IdleTimeout without requests.
        o.ExpireTimeSpan = cookie.IdleTimeout;
        o.SlidingExpiration = true;
        o.Events = new CookieAuthenticationEvents
        {
            // A page sends the browser to the sign-in page (and back afterwards); everything else answers 401.
            OnRedirectToLogin = context =>
            {
                if (Web.SecurityHeadersMiddleware.IsPage(context.Request.Path) && HttpMethods.IsGet(context.Request.Method)
                    && context.Request.Headers["X-Requested-With"] != "fetch")
                {
                    var back = context.Request.PathBase + context.Request.Path + context.Request.QueryString;
                    context.Response.Redirect("/account/login?returnUrl=" + Uri.EscapeDataString(back));
                    return Task.CompletedTask;
                }

                return AuthProblems.UnauthorizedAsync(context.HttpContext, AuthProblems.SignInFirst);
            },
            OnRedirectToAccessDenied = context => AuthProblems.ForbiddenAsync(context.HttpContext),
        };
    }

    private static bool IsWithinLifetime(DateTime? notBefore, DateTime? expires, DateTime now, TimeSpan skew) =>
        expires is not null && (notBefore is null || notBefore.Value <= now + skew) && expires.Value > now - skew;

    private static void WarnAboutDevelopmentSecrets(WebApplication app)
    {
        var auth = app.Services.GetRequiredService<IOptions<AuthOptions>>().Value;
        if (app.Environment.IsDevelopment())
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(auth.Jwt.Authority)
            && auth.Jwt.SigningKey?.StartsWith(AuthOptions.DevelopmentKeyPrefix, StringComparison.Ordinal) == true)
        {
            app.Logger.LogWarning(
                "Auth:Jwt:SigningKey is the development key in environment {Environment}: anyone with the repository can mint tokens. Set a secret key or Auth:Jwt:Authority",
                app.Environment.EnvironmentName);
        }

        var developmentUsers = auth.Users.Count(u => !string.IsNullOrEmpty(u.Password));
        if (developmentUsers > 0)
        {
            app.Logger.LogWarning(
                "{Count} users in Auth:Users have clear-text development passwords in environment {Environment}; replace them with PasswordHash entries or an OIDC authority",
                developmentUsers, app.Environment.EnvironmentName);
        }
    }
}
