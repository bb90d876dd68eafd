using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace EmergencyWorkflows.BrowserTests;

/// <summary>The team lead's metrics page in a real browser: Chinese, phone-sized, the incident in its charts.</summary>
[Collection(BrowserCollection.Name)]
public class MetricsPageTests(BrowserHost host)
{
    [Fact]
    public async Task MetricsPage_LeadInChineseOnAPhone_AcknowledgedIncidentInTheChartsWithTheTargetLine()
    {
        var id = await ReportAndAcknowledgeAsync();
        var page = await host.SignedInPageAsync("lead", "zh-CN", phone: true);

        await page.GotoAsync("/metrics");

        (await page.Locator("h1").InnerTextAsync()).Should().Be("应急响应指标");
        var chart = page.Locator("svg#ack-grade");
        await Assertions.Expect(chart).ToBeVisibleAsync();
        (await chart.BoundingBoxAsync())!.Width.Should().BeGreaterThan(300, "the chart is drawn at a readable size on a phone");
        (await chart.Locator("line.target").CountAsync()).Should().BeGreaterThan(0);
        (await chart.Locator("text.target-label").First.TextContentAsync()).Should().Be("目标 5 分钟");
        var titles = await chart.Locator("circle.dot title").AllTextContentsAsync();
        titles.Should().Contain(t => t.StartsWith(id + ":", StringComparison.Ordinal), "the acknowledged incident is a dot in the chart");
        foreach (var other in new[] { "svg#compliance", "svg#volume", "svg#arrive-category" })
        {
            await Assertions.Expect(page.Locator(other)).ToBeVisibleAsync();
        }

        // The data table opens from the keyboard.
        await page.Locator("#ack-grade-figure summary").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#ack-grade-table")).ToBeVisibleAsync();
        await BrowserHost.ScreenshotAsync(page, "metrics-lead-zh-phone");
        await page.Context.CloseAsync();
    }

    private async Task<string> ReportAndAcknowledgeAsync()
    {
        using var report = await host.Api.PostAsJsonAsync("/api/incidents", new JsonObject
        {
            ["occurredAt"] = DateTimeOffset.UtcNow.AddMinutes(-5),
            ["location"] = "总部大楼3层",
            ["peopleInvolved"] = new JsonArray("王芳"),
            ["peopleAffected"] = 1,
            ["category"] = "personnel-safety",
            ["initialSituation"] = "同事在楼梯上摔倒",
            ["reporter"] = new JsonObject { ["name"] = "张伟", ["phone"] = "13812345678" },
            ["channel"] = "Phone",
        });
        report.StatusCode.Should().Be(HttpStatusCode.Created, await report.Content.ReadAsStringAsync());
        var id = (string)(await report.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;

        // The workflow starts the SLA right after the report commits; acknowledge as soon as it waits for one.
        await BrowserHost.UntilAsync(async () =>
        {
            using var ack = await host.Api.PostAsJsonAsync($"/api/incidents/{id}/acknowledge", new { by = "m-responder" });
            return $"{(int)ack.StatusCode} {await ack.Content.ReadAsStringAsync()}";
        }, answer => answer.StartsWith("200", StringComparison.Ordinal), TimeSpan.FromSeconds(15), $"incident {id} acknowledged");
        return id;
    }
}
