using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using EmergencyWorkflows.Api.Auth;
using Microsoft.AspNetCore.Localization;

namespace EmergencyWorkflows.Api.Web;

/// <summary>
/// The server-rendered pages (Razor Pages under <c>Pages/</c>): Simplified Chinese and English from resource files,
/// the browser's language by default and a switch that remembers the choice, the same cookie identity as the API,
/// antiforgery on every form, security headers, static files from <c>wwwroot/</c> and live updates over SSE.
/// </summary>
internal static class WebPagesExtensions
{
    public static readonly CultureInfo[] Cultures = [new("en"), new("zh-CN")];

    public static IServiceCollection AddWebPages(this IServiceCollection services)
    {
        services.AddLocalization();

        // Chinese text is written as characters, not as &#x...; entities (still HTML-encoded where it must be).
        services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddRazorPages(o =>
        {
            // Every page needs a signed-in user unless it says otherwise; pages narrow it with [Authorize(Policy = ...)].
            o.Conventions.AuthorizeFolder("/", AuthPolicies.Reporter);
            o.Conventions.AllowAnonymousToPage("/Account/Login");
            o.Conventions.AllowAnonymousToPage("/Account/Culture");
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "ew.csrf";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.HeaderName = "X-CSRF-TOKEN";
            o.FormFieldName = "__RequestVerificationToken";
        });
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("en");
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            o.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider(),
                new BrowserLanguageProvider(),
            ];
        });
        services.AddSingleton<ChangeStamp>();
        services.AddSingleton<DisplayTime>();
        return services;
    }

    public static WebApplication UseWebPages(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseRequestLocalization();
        app.UseStaticFiles();
        return app;
    }

    public static WebApplication MapWebPages(this WebApplication app)
    {
        app.MapRazorPages();
        app.MapLiveUpdates();
        return app;
    }

    /// <summary>
    /// The browser's language: any Chinese (zh, zh-CN, zh-Hans, zh-TW…) reads the Simplified Chinese pages, any
    /// English the English ones, in the order of the Accept-Language header's preferences.
    /// </summary>
    private sealed class BrowserLanguageProvider : RequestCultureProvider
    {
        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
        {
            var languages = httpContext.Request.GetTypedHeaders().AcceptLanguage;
            foreach (var language in languages.OrderByDescending(l => l.Quality ?? 1))
            {
                var tag = language.Value.Value ?? string.Empty;
                if (tag.StartsWith("zh", StringComparison.OrdinalIgnoreCase))
                {
                    return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult("zh-CN"));
                }

                if (tag.StartsWith("en", StringComparison.OrdinalIgnoreCase))
                {
                    return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult("en"));
                }
            }

            return NullProviderCultureResult;
        }
    }
}
