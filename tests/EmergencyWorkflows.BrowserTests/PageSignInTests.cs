using Microsoft.Playwright;

namespace EmergencyWorkflows.BrowserTests;

/// <summary>The sign-in page in a real browser: Chinese by the browser's language, keyboard only, then signing out.</summary>
[Collection(BrowserCollection.Name)]
public class PageSignInTests(BrowserHost host)
{
    [Fact]
    public async Task SignIn_ChineseBrowserByKeyboard_HomeInChineseThenSignOut()
    {
        var context = await host.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host.BaseAddress.ToString(),
            Locale = "zh-CN",
            ExtraHTTPHeaders = new Dictionary<string, string> { ["Accept-Language"] = "zh-CN,zh;q=0.9" },
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
        });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        page.Url.Should().Contain("/account/login?returnUrl=%2F");
        (await page.Locator("h1").InnerTextAsync()).Should().Be("登录");
        await page.Locator("#userName").FocusAsync();
        await page.Keyboard.TypeAsync("employee");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("employee-dev");
        await page.Keyboard.PressAsync("Enter");
        await BrowserHost.ArrivedAsync(page, url => !url.Contains("/account/login", StringComparison.Ordinal));
        await BrowserHost.ScreenshotAsync(page, "pages-home-zh-phone");

        (await page.Locator("html").GetAttributeAsync("lang")).Should().Be("zh-CN");
        (await page.Locator("main").InnerTextAsync()).Should().Contain("报告事件").And.Contain("5分钟");

        await page.Locator("header form[action='/account/logout'] button").ClickAsync();
        await BrowserHost.ArrivedAsync(page, url => url.Contains("/account/login", StringComparison.Ordinal));
        var back = await page.GotoAsync("/");
        page.Url.Should().Contain("/account/login", "the session ended");
        back.Should().NotBeNull();
        await context.CloseAsync();
    }
}
