using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace EmergencyWorkflows.Api.Tests.Infrastructure;

/// <summary>
/// A browser-like client for the server-rendered pages: keeps cookies, does not follow redirects (tests see them),
/// signs in through the sign-in form and posts forms with the antiforgery token the page rendered, as a browser does.
/// </summary>
public sealed partial class PageClient : IDisposable
{
    private PageClient(HttpClient http) => Http = http;

    public HttpClient Http { get; }

    /// <summary>An anonymous browser; <paramref name="language"/> is its Accept-Language.</summary>
    public static PageClient Anonymous(ApiFactory factory, string language = "en")
    {
        ArgumentNullException.ThrowIfNull(factory);
        var http = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        http.DefaultRequestHeaders.Authorization = null;
        http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return new PageClient(http);
    }

    /// <summary>A browser signed in through the sign-in page as a development user (password "&lt;name&gt;-dev").</summary>
    public static async Task<PageClient> SignedInAsync(ApiFactory factory, string userName, string language = "en")
    {
        var client = Anonymous(factory, language);
        using var response = await client.PostFormAsync("/account/login", new Dictionary<string, string>
        {
            ["UserName"] = userName,
            ["Password"] = userName + "-dev",
        });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {userName} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return client;
    }

    public async Task<(HttpStatusCode Status, string Html)> GetPageAsync(string url)
    {
        using var response = await Http.GetAsync(new Uri(url, UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// Posts a form to <paramref name="url"/> with the antiforgery token read from the page at <paramref name="formPage"/>
    /// (default: the same url), as a browser submitting that page's form would.
    /// </summary>
    public async Task<HttpResponseMessage> PostFormAsync(string url, IDictionary<string, string> fields, string? formPage = null)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var (_, html) = await GetPageAsync(formPage ?? url);
        var token = AntiforgeryToken(html) ?? throw new InvalidOperationException($"The page {formPage ?? url} has no antiforgery token:\n{html}");
        var all = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        return await PostFormWithoutTokenAsync(url, all);
    }

    /// <summary>Posts exactly the given fields (tests of forged requests).</summary>
    public async Task<HttpResponseMessage> PostFormWithoutTokenAsync(string url, IDictionary<string, string> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        return await Http.PostAsync(new Uri(url, UriKind.Relative), content);
    }

    public static string? AntiforgeryToken(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var match = TokenPattern().Match(html);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    public void Dispose() => Http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
