using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EmergencyWorkflows.Persistence;
using EmergencyWorkflows.Persistence.Incidents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EmergencyWorkflows.BrowserTests;

/// <summary>
/// A responder on a phone, in Chinese: the task list refreshes by itself when work arrives, the incident page shows
/// the response countdown and records the acknowledgement with one tap before the deadline, and a task is claimed
/// and completed with its own form.
/// </summary>
[Collection(BrowserCollection.Name)]
public class RespondPageTests(BrowserHost host)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Responder_PhoneInChinese_TaskAppearsLiveAcknowledgesInTimeAndCompletesATask()
    {
        // The machine is shared with parallel builds: allow a slow answer, never a wrong one.
        SetDefaultExpectTimeout(20_000);
        var tasks = await host.SignedInPageAsync("responder", "zh-CN", phone: true);
        tasks.SetDefaultTimeout(30_000);
        IPage? incident = null;
        try
        {
            await RunAsync(tasks, p => incident = p);
        }
        catch
        {
            // What the pages showed when it went wrong (kept with the other screenshots).
            await BrowserHost.ScreenshotAsync(tasks, "respond-failed-tasks-page");
            if (incident is not null)
            {
                await BrowserHost.ScreenshotAsync(incident, "respond-failed-incident-page");
            }

            throw;
        }
        finally
        {
            await tasks.Context.CloseAsync();
        }
    }

    private async Task RunAsync(IPage tasks, Action<IPage> opened)
    {
        await tasks.GotoAsync("/tasks");
        await Expect(tasks.Locator("h1")).ToHaveTextAsync("我的任务");
        await Expect(tasks.Locator("html")).ToHaveAttributeAsync("data-live", "connected");
        await tasks.EvaluateAsync("() => { window.ewSamePage = true; }");

        // Someone reports an incident; the responder is told about it (a notice makes them one of its people).
        var place = "Building C lobby " + Guid.NewGuid().ToString("N")[..6];
        var id = await ReportAsync(place);
        await ParticipateAsync(id, "m-responder");

        // The incident page: the countdown runs; one tap acknowledges before the deadline.
        var incident = await tasks.Context.NewPageAsync();
        opened(incident);
        incident.SetDefaultTimeout(30_000);
        await incident.GotoAsync($"/incidents/{id}");
        await Expect(incident.Locator("#incident-location")).ToHaveTextAsync(place);
        await Expect(incident.Locator("#sla-countdown")).ToContainTextAsync("距响应时限还剩");
        await BrowserHost.ScreenshotAsync(incident, "respond-01-incident-countdown-zh-phone");
        var box = await incident.Locator("#acknowledge").BoundingBoxAsync();
        box!.Height.Should().BeGreaterThanOrEqualTo(44, "a thumb can hit it");
        await incident.Locator("#acknowledge").ClickAsync();
        await Expect(incident.Locator("#notice")).ToHaveTextAsync("已记录确认接报。");
        await Expect(incident.Locator("#sla-state")).ToHaveTextAsync("已按时响应");
        await BrowserHost.ScreenshotAsync(incident, "respond-02-acknowledged-zh-phone");
        var sla = await GetAsync($"/api/incidents/{id}/sla");
        ((string)sla["state"]!).Should().Be("Met");
        sla["acknowledgedAt"]!.GetValue<DateTimeOffset>().Should().BeBefore(sla["deadline"]!.GetValue<DateTimeOffset>());

        // The lead grades it; the category's tasks reach the responder's list without a reload.
        using (var graded = await host.Api.PostAsJsonAsync($"/api/incidents/{id}/assessment",
                   new { grade = 3, methods = new[] { "OnSiteInspection" }, evidence = "Seen on site." }))
        {
            graded.StatusCode.Should().Be(HttpStatusCode.OK, await graded.Content.ReadAsStringAsync());
        }

        var row = tasks.Locator($"[data-instance-id='{id}']").First;
        await row.WaitForAsync(new() { State = WaitForSelectorState.Visible });
        (await tasks.EvaluateAsync<bool>("() => window.ewSamePage === true")).Should().BeTrue("the list refreshed itself, the page was not reloaded");
        await Expect(row.Locator(".countdown")).ToContainTextAsync("还剩");
        await BrowserHost.ScreenshotAsync(tasks, "respond-03-task-arrived-live-zh-phone");

        // Claim with one tap, fill the task's own form, complete.
        var taskId = await row.GetAttributeAsync("data-task-id");
        await row.Locator("button.claim").ClickAsync();
        await Expect(tasks.Locator("#claimed-by-me")).ToBeVisibleAsync();
        await FillTaskFormAsync(tasks);
        await BrowserHost.ScreenshotAsync(tasks, "respond-04-task-form-zh-phone");
        await tasks.Locator("button[name=outcome]").First.ClickAsync();
        await Expect(tasks).ToHaveURLAsync(new Regex("/tasks$"), new() { Timeout = 30_000 });
        await Expect(tasks.Locator("main .notice.ok")).ToHaveTextAsync("任务已完成，流程已继续。");
        await Expect(tasks.Locator($"[data-task-id='{taskId}']")).ToHaveCountAsync(0);
        await BrowserHost.ScreenshotAsync(tasks, "respond-05-task-done-zh-phone");

        var instance = await GetAsync($"/api/instances/{id}");
        instance["bookmarks"]!.AsArray().Select(b => (string?)b!["key"]).Should().NotContain(taskId, "the workflow moved past the task");
    }

    /// <summary>Fills every field of the task's form the way its type asks (number, yes/no, date, text).</summary>
    private static async Task FillTaskFormAsync(IPage page)
    {
        var form = page.Locator("form.task-form");
        foreach (var number in await form.Locator("input[inputmode=decimal]").AllAsync())
        {
            await number.FillAsync("12");
        }

        foreach (var yes in await form.Locator("input[type=radio][value=true]").AllAsync())
        {
            await yes.CheckAsync();
        }

        foreach (var date in await form.Locator("input[type=date]").AllAsync())
        {
            await date.FillAsync(DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        foreach (var text in await form.Locator("textarea").AllAsync())
        {
            await text.FillAsync("按预案处理完毕");
        }
    }

    private async Task<string> ReportAsync(string place)
    {
        using var response = await host.Api.PostAsJsonAsync("/api/incidents", new
        {
            occurredAt = DateTimeOffset.UtcNow.AddMinutes(-2),
            location = place,
            peopleInvolved = new[] { "Li Na" },
            peopleAffected = 1,
            category = "personnel-safety",
            initialSituation = "A colleague fainted in the lobby",
            reporter = new { name = "Zhao Lei", phone = "13912345678" },
            channel = "Phone",
        });
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        response.StatusCode.Should().Be(HttpStatusCode.Created, body.ToJsonString());
        var id = (string)body["id"]!;
        await BrowserHost.UntilAsync(() => GetAsync($"/api/incidents/{id}"), incident => incident["sla"] is JsonObject, Deadline,
            "the workflow's response SLA started");

        return id;
    }

    private async Task ParticipateAsync(string id, string who)
    {
        var contexts = host.Service.Services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        db.IncidentParticipants.Add(new IncidentParticipantRecord { IncidentId = id, Who = who, Role = "Notified", Since = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
    }

    private async Task<JsonObject> GetAsync(string path)
    {
        using var response = await host.Api.GetAsync(path);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        response.StatusCode.Should().Be(HttpStatusCode.OK, body.ToJsonString());
        return body;
    }
}
