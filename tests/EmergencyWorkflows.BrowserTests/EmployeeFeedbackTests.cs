using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace EmergencyWorkflows.BrowserTests;

/// <summary>
/// The end of an incident for the employee who reported it, in a real browser: the team's announcement is in the
/// feed, and once the incident is handled the employee leaves feedback that the team lead can read.
/// </summary>
[Collection(BrowserCollection.Name)]
public class EmployeeFeedbackTests(BrowserHost host)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Employee_HandledIncidentInChinese_SeesTheAnnouncementAndLeavesFeedback()
    {
        using var employee = await host.ClientAsAsync("employee");
        var lead = host.Api;
        var place = "食堂二楼 " + Guid.NewGuid().ToString("N")[..6];
        using var reported = await employee.PostAsJsonAsync("/api/incidents", new
        {
            occurredAt = DateTimeOffset.UtcNow.AddMinutes(-3),
            location = place,
            peopleInvolved = new[] { "王芳" },
            peopleAffected = 1,
            category = "service-interruption",
            initialSituation = "工资查询系统无法登录。",
            reporter = new { name = "李娜", phone = "13800001111" },
            channel = "web",
        });
        reported.StatusCode.Should().Be(HttpStatusCode.Created, await reported.Content.ReadAsStringAsync());
        var id = (string)(await reported.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        await PostOkAsync(lead, $"/api/incidents/{id}/acknowledge", new { });
        await PostOkAsync(lead, $"/api/incidents/{id}/assessment", new { grade = 3, methods = new[] { "Data" }, evidence = "登录日志显示认证服务故障。" });
        await BrowserHost.UntilAsync(async () => (string?)(await lead.GetFromJsonAsync<JsonObject>($"/api/incidents/{id}"))!["status"],
            status => status == "Handling", Deadline, "the workflow moves the assessed incident to Handling");
        var message = "认证服务已恢复，请重新登录。" + Guid.NewGuid().ToString("N")[..4];
        await PostOkAsync(lead, $"/api/incidents/{id}/announcements", new { message, channels = new[] { "InternalNotice" }, language = "zh" });
        await PostOkAsync(lead, $"/api/incidents/{id}/transitions", new { to = "Resolved" });

        var page = await host.SignedInPageAsync("employee", "zh-CN", phone: true);
        await page.GotoAsync("/announcements");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(message, new() { Timeout = (float)Deadline.TotalMilliseconds });
        await BrowserHost.ScreenshotAsync(page, "employee-announcements-zh-phone");

        await page.GotoAsync($"/my/reports/{id}/feedback");
        await page.Locator("label[for='satisfaction-5']").ClickAsync();
        await page.Locator("#comments").FillAsync("处理很及时，谢谢应急小组。");
        await page.Locator("main form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#feedback-saved")).ToBeVisibleAsync(new() { Timeout = (float)Deadline.TotalMilliseconds });
        await BrowserHost.ScreenshotAsync(page, "employee-feedback-zh-phone");
        await page.Context.CloseAsync();

        var feedback = await lead.GetFromJsonAsync<JsonArray>($"/api/incidents/{id}/feedback");
        feedback.Should().ContainSingle();
        ((int)feedback![0]!["satisfaction"]!).Should().Be(5);
        ((string)feedback[0]!["comments"]!).Should().Be("处理很及时，谢谢应急小组。");
    }

    private static async Task PostOkAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body);
        ((int)response.StatusCode).Should().BeInRange(200, 299, $"{path}: {await response.Content.ReadAsStringAsync()}");
    }
}
