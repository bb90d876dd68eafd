using Microsoft.Playwright;

namespace EmergencyWorkflows.BrowserTests;

/// <summary>The employee's report form in a real browser: Chinese, phone-sized, by touch and keyboard, with screenshots.</summary>
[Collection(BrowserCollection.Name)]
public class EmployeeReportTests(BrowserHost host)
{
    [Fact]
    public async Task Report_EmployeeInChineseOnAPhone_ConfirmedAndListedUnderMyReports()
    {
        var page = await host.SignedInPageAsync("employee", "zh-CN", phone: true);
        var place = "三号楼二层茶水间 " + Guid.NewGuid().ToString("N")[..6];

        await page.GotoAsync("/report");
        (await page.Locator("h1").InnerTextAsync()).Should().Be("报告事件");
        (await page.Locator("#occurredAt").InputValueAsync()).Should().NotBeEmpty("the form starts at the current time");
        (await page.Locator("#reporterName").InputValueAsync()).Should().Be("Employee (dev)");
        await BrowserHost.ScreenshotAsync(page, "employee-report-zh-phone-empty");

        // An empty submit is stopped by the browser at the first required field, nothing is sent.
        await page.Locator("#location").FillAsync(string.Empty);
        await page.Locator("form.report-form button[type=submit]").ClickAsync();
        page.Url.Should().EndWith("/report");
        (await page.Locator("#location").EvaluateAsync<bool>("el => el.matches(':invalid')")).Should().BeTrue();

        await page.Locator("#location").FillAsync(place);
        await page.Locator("#category").SelectOptionAsync("personnel-safety");
        await page.Locator("#initialSituation").FillAsync("地面湿滑，一名同事摔倒，意识清醒。");
        await page.Locator("#peopleInvolved").FillAsync("王芳");
        await page.Locator("#casualties").FillAsync("1");
        await page.Locator("#reporterPhone").FocusAsync();
        await page.Keyboard.TypeAsync("13812345678");
        await BrowserHost.ScreenshotAsync(page, "employee-report-zh-phone-filled");
        await page.Locator("form.report-form button[type=submit]").ClickAsync();
        await BrowserHost.ArrivedAsync(page, url => url.EndsWith("/done", StringComparison.Ordinal));
        await BrowserHost.ScreenshotAsync(page, "employee-report-zh-phone-done");

        var number = await page.Locator(".incident-number").InnerTextAsync();
        number.Should().MatchRegex("^[0-9a-f]{32}$");
        (await page.Locator(".suggested-grade").InnerTextAsync()).Should().Be("一级（重大）");
        (await page.Locator(".sla-promise").InnerTextAsync()).Should().Contain("5分钟");
        (await page.Locator($"a[href='/incidents/{number}']").CountAsync()).Should().Be(1);

        await page.GotoAsync("/my/reports");
        var card = page.Locator($"[data-incident='{number}']");
        (await card.InnerTextAsync()).Should().Contain(place).And.Contain("人员安全类");
        await BrowserHost.ScreenshotAsync(page, "employee-my-reports-zh-phone");

        // The phone layout never scrolls sideways.
        (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).Should().BeTrue();
        await page.Context.CloseAsync();
    }
}
