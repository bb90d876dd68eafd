using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace EmergencyWorkflows.BrowserTests;

/// <summary>A browser host of its own whose complaint-dispute incidents have a 2-second response SLA, so one lapses.</summary>
public sealed class ShortSlaBrowserHost : IAsyncLifetime
{
    public const string ShortSlaCategory = "complaint-dispute";

    public BrowserHost Host { get; } = new(new Dictionary<string, string?>
    {
        ["Emergency:Sla:Rules:0:Category"] = ShortSlaCategory,
        ["Emergency:Sla:Rules:0:Response"] = "00:00:02",
    });

    public Task InitializeAsync() => Host.InitializeAsync();

    public Task DisposeAsync() => Host.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ShortSlaBrowserCollection : ICollectionFixture<ShortSlaBrowserHost>
{
    public const string Name = "Browser, short SLA";
}

/// <summary>The team lead in Chromium: the board shows a lapsed SLA as breached by itself; then grade, announce, review, close.</summary>
[Collection(ShortSlaBrowserCollection.Name)]
public class LeadBoardTests(ShortSlaBrowserHost fixture)
{
    private static readonly LocatorAssertionsToHaveAttributeOptions Wait = new() { Timeout = 20_000 };
    private readonly BrowserHost host = fixture.Host;

    [Fact]
    public async Task LeadBoard_SlaLapses_ShownBreachedThenLeadGradesAnnouncesReviewsAndCloses()
    {
        var page = await host.SignedInPageAsync("lead", "zh-CN");
        await page.GotoAsync("/lead");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("data-live", "connected", Wait);

        var id = await ReportAsync(ShortSlaBrowserHost.ShortSlaCategory, "前台 投诉");
        var row = page.Locator($"tr[data-incident='{id}']");
        await Assertions.Expect(row).ToHaveAttributeAsync("data-sla-state", "Breached", Wait);
        (await row.Locator(".badge.breached").InnerTextAsync()).Should().Contain("已超时", "the breach is said in words");
        (await page.Locator("tr[data-incident]").First.GetAttributeAsync("data-incident")).Should().Be(id, "breached incidents come first");
        await BrowserHost.ScreenshotAsync(page, "lead-board-breached-zh");
        await page.SetViewportSizeAsync(390, 844);
        await BrowserHost.ScreenshotAsync(page, "lead-board-breached-zh-phone");
        await page.SetViewportSizeAsync(1280, 900);

        using (var ack = await host.Api.PostAsJsonAsync($"/api/incidents/{id}/acknowledge", new { }))
        {
            ack.EnsureSuccessStatusCode();
        }

        await row.Locator($"a[href='/lead/incidents/{id}/assess']").ClickAsync();
        await page.Locator("#grade-3").CheckAsync();
        await page.Locator("#method-EmployeeFeedback").CheckAsync();
        await page.Locator("#evidence").FillAsync("一名员工投诉排班，已当面沟通");
        await page.Locator("#assess-submit").ClickAsync();
        await Assertions.Expect(page.Locator("#done")).ToContainTextAsync("三级（一般）");
        await BrowserHost.ScreenshotAsync(page, "lead-assessed-zh");

        await page.GotoAsync($"/lead/incidents/{id}/announce");
        (await page.Locator("#message").InputValueAsync()).Should().Contain("投诉", "the category's message is prefilled");
        await page.Locator("#channel-Email").CheckAsync();
        await page.Locator("#announce-submit").ClickAsync();
        await Assertions.Expect(page.Locator("#announcements")).ToContainTextAsync("投诉");
        await BrowserHost.ScreenshotAsync(page, "lead-announced-zh");

        await page.GotoAsync($"/lead/incidents/{id}/review");
        // Assessed → Handling → Resolved by hand, unless the incident's workflow already moved it on.
        var statusNames = new Dictionary<string, string> { ["Handling"] = "处理中", ["Resolved"] = "已解决" };
        for (var step = 0; step < 3 && await page.Locator("#what-happened").CountAsync() == 0; step++)
        {
            var next = page.Locator("#move-Handling, #move-Resolved").First;
            var to = await next.GetAttributeAsync("value");
            await next.ClickAsync();
            await Assertions.Expect(page.Locator("#incident-status")).ToHaveTextAsync(statusNames[to!]);
        }

        await page.Locator("#what-happened").FillAsync("员工对排班不满，到前台投诉。");
        await page.Locator("#root-cause").FillAsync("排班规则未提前公示。");
        await page.Locator("#lessons").FillAsync("排班变更提前一周公示。");
        await page.Locator("#action-0-title").FillAsync("公示排班规则");
        await page.Locator("#action-0-owner").SelectOptionAsync("m-responder");
        await page.Locator("#action-0-due").FillAsync(DateTime.UtcNow.AddDays(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.Locator("#review-submit").ClickAsync();
        await Assertions.Expect(page.Locator("#review")).ToContainTextAsync("排班规则未提前公示。");

        await page.Locator("#move-Closed").ClickAsync();
        await Assertions.Expect(page.Locator("#incident-status")).ToHaveTextAsync("已结束");
        await BrowserHost.ScreenshotAsync(page, "lead-reviewed-closed-zh");

        await page.GotoAsync("/lead");
        (await page.Locator($"tr[data-incident='{id}']").CountAsync()).Should().Be(0, "a closed incident leaves the board");
        await page.Context.CloseAsync();
    }

    private async Task<string> ReportAsync(string category, string location)
    {
        using var response = await host.Api.PostAsJsonAsync("/api/incidents", new JsonObject
        {
            ["occurredAt"] = DateTimeOffset.UtcNow.AddMinutes(-1),
            ["location"] = location,
            ["peopleInvolved"] = new JsonArray("王芳"),
            ["peopleAffected"] = 1,
            ["category"] = category,
            ["initialSituation"] = "员工到前台投诉排班",
            ["reporter"] = new JsonObject { ["name"] = "张伟", ["phone"] = "13812345678" },
            ["channel"] = "Phone",
        });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return (string)body!["id"]!;
    }
}
