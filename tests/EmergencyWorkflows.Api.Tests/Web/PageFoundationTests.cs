using System.Net;
using System.Net.Http.Json;
using AngleSharp.Html.Parser;
using EmergencyWorkflows.Api.Tests.Infrastructure;

namespace EmergencyWorkflows.Api.Tests.Web;

/// <summary>Sign-in, sign-out, language, CSRF and security headers of the server-rendered pages.</summary>
[Collection(SharedHostCollection.Name)]
public class PageFoundationTests(SharedHost host)
{
    [Fact]
    public async Task HomePage_Anonymous_RedirectsToSignInWithReturnUrl()
    {
        using var browser = PageClient.Anonymous(host.Factory);

        using var response = await browser.Http.GetAsync(new Uri("/?x=1", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Be("/account/login?returnUrl=%2F%3Fx%3D1");
    }

    [Fact]
    public async Task SignInPage_Anonymous_EveryInputHasALabelAndTheFormCarriesAToken()
    {
        using var browser = PageClient.Anonymous(host.Factory);

        var (status, html) = await browser.GetPageAsync("/account/login");

        status.Should().Be(HttpStatusCode.OK);
        PageClient.AntiforgeryToken(html).Should().NotBeNullOrEmpty();
        var document = new HtmlParser().ParseDocument(html);
        var inputs = document.QuerySelectorAll("input:not([type=hidden]), select, textarea").ToList();
        inputs.Should().HaveCountGreaterThanOrEqualTo(3, "user name, password and the language switch");
        foreach (var input in inputs)
        {
            input.Id.Should().NotBeNullOrEmpty($"{input.OuterHtml} needs an id for its label");
            document.QuerySelector($"label[for='{input.Id}']").Should().NotBeNull($"{input.OuterHtml} needs a <label for>");
        }
    }

    [Fact]
    public async Task SignIn_FormWithoutAntiforgeryToken_RefusedAndNoSession()
    {
        using var browser = PageClient.Anonymous(host.Factory);
        await browser.GetPageAsync("/account/login");

        using var forged = await browser.PostFormWithoutTokenAsync("/account/login",
            new Dictionary<string, string> { ["UserName"] = "lead", ["Password"] = "lead-dev" });
        using var me = await browser.Http.GetAsync(new Uri("/api/auth/me", UriKind.Relative));

        forged.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        forged.Headers.TryGetValues("Set-Cookie", out var cookies).Should().BeFalse(string.Join(";", cookies ?? []));
        me.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task SignIn_ValidCredentials_GoesBackToTheLocalReturnUrlOnly()
    {
        using var local = PageClient.Anonymous(host.Factory);
        using var toLocal = await local.PostFormAsync("/account/login?returnUrl=%2Ftasks",
            new Dictionary<string, string> { ["UserName"] = "responder", ["Password"] = "responder-dev", ["ReturnUrl"] = "/tasks" });
        using var external = PageClient.Anonymous(host.Factory);
        using var toExternal = await external.PostFormAsync("/account/login",
            new Dictionary<string, string> { ["UserName"] = "responder", ["Password"] = "responder-dev", ["ReturnUrl"] = "https://evil.example/" });

        toLocal.StatusCode.Should().Be(HttpStatusCode.Redirect);
        toLocal.Headers.Location!.ToString().Should().Be("/tasks");
        toExternal.StatusCode.Should().Be(HttpStatusCode.Redirect);
        toExternal.Headers.Location!.ToString().Should().Be("/");
    }

    [Fact]
    public async Task SignIn_WrongPassword_SaysSoAndSetsNoSession()
    {
        using var browser = PageClient.Anonymous(host.Factory);

        using var response = await browser.PostFormAsync("/account/login",
            new Dictionary<string, string> { ["UserName"] = "lead", ["Password"] = "nope" });
        var html = await response.Content.ReadAsStringAsync();
        using var me = await browser.Http.GetAsync(new Uri("/api/auth/me", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        html.Should().Contain("The user name or password is incorrect.");
        me.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task SignOut_PostWithToken_EndsTheSession()
    {
        using var browser = await PageClient.SignedInAsync(host.Factory, "employee");
        (await browser.GetPageAsync("/")).Status.Should().Be(HttpStatusCode.OK);

        using var forged = await browser.PostFormWithoutTokenAsync("/account/logout", new Dictionary<string, string>());
        (await browser.GetPageAsync("/")).Status.Should().Be(HttpStatusCode.OK, "a forged logout changes nothing");
        using var logout = await browser.PostFormAsync("/account/logout", new Dictionary<string, string>(), formPage: "/");
        var after = await browser.GetPageAsync("/");

        forged.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        logout.StatusCode.Should().Be(HttpStatusCode.Redirect);
        after.Status.Should().Be(HttpStatusCode.Redirect);
    }

    [Theory]
    [InlineData("zh-CN,zh;q=0.9,en;q=0.8", "zh-CN", "报告事件")]
    [InlineData("zh-TW", "zh-CN", "报告事件")]
    [InlineData("en-US,en;q=0.9", "en", "Report an incident")]
    [InlineData("fr-FR", "en", "Report an incident")]
    public async Task HomePage_BrowserLanguage_PicksChineseOrEnglish(string acceptLanguage, string lang, string text)
    {
        using var browser = await PageClient.SignedInAsync(host.Factory, "employee", acceptLanguage);

        var (status, html) = await browser.GetPageAsync("/");

        status.Should().Be(HttpStatusCode.OK);
        html.Should().Contain($"<html lang=\"{lang}\"").And.Contain(text);
    }

    [Fact]
    public async Task LanguageSwitch_ChoosingChinese_OverridesAnEnglishBrowserAndReturns()
    {
        using var browser = await PageClient.SignedInAsync(host.Factory, "employee", "en-US");

        using var response = await browser.PostFormAsync("/account/culture",
            new Dictionary<string, string> { ["culture"] = "zh-CN", ["returnUrl"] = "/announcements" }, formPage: "/");
        var (_, html) = await browser.GetPageAsync("/");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Be("/announcements");
        html.Should().Contain("<html lang=\"zh-CN\"").And.Contain("应急");
    }

    [Fact]
    public async Task Pages_AnyPage_CarryCspFrameDenyAndNoStore()
    {
        using var browser = await PageClient.SignedInAsync(host.Factory, "employee");

        using var page = await browser.Http.GetAsync(new Uri("/", UriKind.Relative));
        using var login = await browser.Http.GetAsync(new Uri("/account/login", UriKind.Relative));

        foreach (var response in new[] { page, login })
        {
            response.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("default-src 'self'")
                .And.Contain("script-src 'self'").And.Contain("frame-ancestors 'none'");
            response.Headers.GetValues("X-Frame-Options").Single().Should().Be("DENY");
            response.Headers.GetValues("X-Content-Type-Options").Single().Should().Be("nosniff");
            response.Headers.CacheControl!.NoStore.Should().BeTrue();
        }
    }

    [Fact]
    public async Task StaticFiles_ScriptAndStyle_ServedFromTheServiceItself()
    {
        using var browser = PageClient.Anonymous(host.Factory);

        using var script = await browser.Http.GetAsync(new Uri("/js/site.js", UriKind.Relative));
        using var style = await browser.Http.GetAsync(new Uri("/css/site.css", UriKind.Relative));

        script.StatusCode.Should().Be(HttpStatusCode.OK);
        (await script.Content.ReadAsStringAsync()).Should().Contain("EventSource");
        style.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Live_SignedIn_SaysChangedWhenAnIncidentIsReported()
    {
        using var browser = await PageClient.SignedInAsync(host.Factory, "lead");
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/live");
        using var response = await browser.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/event-stream");
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancel.Token));
        (await ReadEventAsync(reader, cancel.Token)).Should().Be("ready");

        using var report = await host.Client.PostAsJsonAsync("/api/incidents", new
        {
            occurredAt = DateTimeOffset.UtcNow.AddMinutes(-1),
            location = "Building B, floor 2",
            peopleInvolved = new[] { "Wang Wei" },
            peopleAffected = 1,
            category = "service-interruption",
            initialSituation = "The payroll portal is down.",
            reporter = new { name = "Li Na", phone = "13800000000" },
            channel = "web",
        }, cancel.Token);
        report.StatusCode.Should().Be(HttpStatusCode.Created, await report.Content.ReadAsStringAsync(cancel.Token));

        (await ReadEventAsync(reader, cancel.Token)).Should().Be("changed");
    }

    [Fact]
    public async Task Live_Anonymous_Unauthorized()
    {
        using var browser = PageClient.Anonymous(host.Factory);

        using var response = await browser.Http.GetAsync(new Uri("/live", UriKind.Relative));

        response.StatusCode.Should().BeOneOf(HttpStatusCode.Unauthorized, HttpStatusCode.Redirect);
    }

    private static async Task<string> ReadEventAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                return line["event: ".Length..];
            }
        }

        throw new InvalidOperationException("The event stream ended.");
    }
}
