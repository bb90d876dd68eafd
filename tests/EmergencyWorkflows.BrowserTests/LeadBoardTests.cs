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

/// <summary>
/// The team lead in Chromium: the board shows a lapsed SLA as breached by itself, first and in words. (Grading,
/// announcing, the review and closing are walked through in <see cref="IncidentStoryTests"/>.)
/// </summary>
[Collection(ShortSlaBrowserCollection.Name)]
public class LeadBoardTests(ShortSlaBrowserHost fixture)
{
    private static readonly LocatorAssertionsToHaveAttributeOptions Wait = new() { Timeout = 20_000 };
    private readonly BrowserHost host = fixture.Host;

    [Fact]
    public async Task LeadBoard_SlaLapses_ShownBreachedFirstThenLateOnceAcknowledged()
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

        // Acknowledged late: the board says the response came, but after the deadline.
        using (var ack = await host.Api.PostAsJsonAsync($"/api/incidents/{id}/acknowledge", new { }))
        {
            ack.EnsureSuccessStatusCode();
        }

        await Assertions.Expect(row).ToHaveAttributeAsync("data-sla-state", "Late", Wait);
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
