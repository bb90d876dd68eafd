using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EmergencyWorkflows.BrowserTests;

/// <summary>The team pages in a real browser: the lead adds a member, then a rotation with them, on a desktop.</summary>
[Collection(BrowserCollection.Name)]
public class TeamPageTests(BrowserHost host)
{
    [Fact]
    public async Task TeamPages_LeadAddsMemberAndRotation_PreviewShowsThemOnCall()
    {
        var page = await host.SignedInPageAsync("lead");
        var policyViolations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                policyViolations.Add(message.Text);
            }
        };
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var memberId = "browser-" + suffix;

        await page.GotoAsync("/team");
        (await page.Locator("main a[href='/studio/']").CountAsync()).Should().Be(1);
        (await page.Locator("main a[href='/hangfire']").CountAsync()).Should().Be(1);
        await page.Locator("#add-member").ClickAsync();
        await page.Locator("#save-member").ClickAsync();
        (await page.Locator("#error-summary").InnerTextAsync()).Should().Contain("Enter the member's name.");
        await page.Locator("#f-Id").FillAsync(memberId);
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("钱七 (Qian Qi)");
        await page.GetByLabel("Responder", new() { Exact = true }).CheckAsync();
        await page.Locator("#f-Phone").FillAsync("13711112222");
        await page.Locator("#f-Email").FillAsync("qian.qi@example.com");
        await page.GetByLabel("WeCom").FillAsync("qianqi");
        await page.Locator("#save-member").ClickAsync();
        await BrowserHost.ArrivedAsync(page, url => url.EndsWith("/team", StringComparison.Ordinal));
        (await page.Locator($"#roster tr[data-member='{memberId}']").InnerTextAsync()).Should().Contain("137****2222");

        await page.Locator("#add-rotation").ClickAsync();
        await page.Locator("#f-Id").FillAsync("rot-" + suffix);
        await page.Locator("#f-Name").FillAsync("Browser rotation " + suffix);
        // The form reads the time in the display zone (Asia/Shanghai).
        var anchor = TimeZoneInfo.ConvertTime(host.Service.Services.GetRequiredService<TimeProvider>().GetUtcNow().AddHours(-1), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"))
            .ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        await page.Locator("#f-Anchor").FillAsync(anchor);
        await page.Locator("#f-PeriodHours").FillAsync("24");
        await page.Locator($"input[data-member='{memberId}']").FillAsync("1");
        await page.Locator("input[data-member='responder-zhang']").FillAsync("2");
        await page.Locator("#save-rotation").ClickAsync();
        await BrowserHost.ArrivedAsync(page, url => url.Contains("/team/rotations/rot-" + suffix, StringComparison.Ordinal));

        var onCall = await page.Locator("#preview tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.member)");
        await BrowserHost.ScreenshotAsync(page, "team-rotation-preview-desktop");
        onCall.Should().HaveCountGreaterThanOrEqualTo(7).And.StartWith(memberId);
        onCall.Skip(1).Take(2).Should().Equal("responder-zhang", memberId);
        (await page.Locator("#team-notice").InnerTextAsync()).Should().Be("The rotation is saved.");

        await page.GotoAsync("/team");
        await BrowserHost.ScreenshotAsync(page, "team-roster-desktop");
        (await page.Locator($"#rotations tr[data-rotation='rot-{suffix}']").InnerTextAsync()).Should().Contain("钱七");
        await page.Locator("#policies a[href='/team/policies/grade-1']").ClickAsync();
        (await page.Locator("input[name='Input.Tiers[0].Targets'][value='rotation:weekly-responders']").IsCheckedAsync()).Should().BeTrue("grade-1 tier 1 notifies the weekly rotation");
        await BrowserHost.ScreenshotAsync(page, "team-policy-desktop");
        policyViolations.Should().BeEmpty("the pages need no inline script or style");
        await page.Context.CloseAsync();
    }
}
