using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace EmergencyWorkflows.BrowserTests;

/// <summary>
/// Issue 6's story, one incident walked through every page by the people who do it, each in their own browser: an
/// employee reports a service interruption in Chinese on a phone; the lead's board shows it by itself; a responder on
/// a phone acknowledges with one tap while the countdown runs; the lead grades it Level 2 (no four-eyes step); the
/// category's tasks reach the responder's list by themselves and the responder completes them with their forms, the
/// lead completes the team lead's; the workflow moves the incident to Resolved by itself; the lead announces, writes
/// the review with an improvement action and closes; the employee reads the announcement and leaves feedback, which
/// the lead's incident page shows; the lead's metrics page, open all along, shows the incident in its charts.
/// </summary>
[Collection(BrowserCollection.Name)]
public class IncidentStoryTests(BrowserHost host, ITestOutputHelper output)
{
    private readonly System.Diagnostics.Stopwatch clock = System.Diagnostics.Stopwatch.StartNew();
    private const float Patience = 30_000;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private readonly List<IPage> pages = [];

    [Fact]
    public async Task Story_ReportRespondGradeHandleAnnounceReviewCloseFeedback_EveryStepOnThePages()
    {
        // The machine is shared with parallel builds: allow a slow answer, never a wrong one.
        SetDefaultExpectTimeout(Patience);
        try
        {
            await RunAsync();
        }
        catch
        {
            // What every open page showed when it went wrong (kept with the other screenshots).
            for (var i = 0; i < pages.Count; i++)
            {
                await BrowserHost.ScreenshotAsync(pages[i], $"story-failed-{i}");
            }

            throw;
        }
        finally
        {
            foreach (var context in pages.Select(p => p.Context).Distinct())
            {
                await context.CloseAsync();
            }
        }
    }

    private async Task RunAsync()
    {
        // Three people sign in, each in their own browser, at the same time.
        var signedIn = await Task.WhenAll(
            host.SignedInPageAsync("employee", "zh-CN", phone: true),
            host.SignedInPageAsync("responder", "zh-CN", phone: true),
            host.SignedInPageAsync("lead", "zh-CN"));
        var (employee, responder, lead) = (Track(signedIn[0]), Track(signedIn[1]), Track(signedIn[2]));
        var metrics = Track(await lead.Context.NewPageAsync());

        // Before anything happens: the lead watches the board and the metrics, the responder their task list.
        await Task.WhenAll(OpenLiveAsync(lead, "/lead"), OpenLiveAsync(metrics, "/metrics"), OpenLiveAsync(responder, "/tasks"));
        Step("signed in, live pages open");

        // 1. The employee reports on a phone, in Chinese (事件发现与报告).
        var place = "二号楼 工资查询系统 " + Guid.NewGuid().ToString("N")[..6];
        await employee.GotoAsync("/report");
        (await employee.Locator("#occurredAt").InputValueAsync()).Should().NotBeEmpty("the form starts at the current time");
        (await employee.Locator("#reporterName").InputValueAsync()).Should().Be("Employee (dev)");
        await employee.Locator("#location").FillAsync(string.Empty);
        await employee.Locator("form.report-form button[type=submit]").ClickAsync();
        (await employee.Locator("#location").EvaluateAsync<bool>("el => el.matches(':invalid')")).Should().BeTrue("an empty report is stopped at its first required field");
        employee.Url.Should().EndWith("/report", "nothing was sent");
        await employee.Locator("#location").FillAsync(place);
        await employee.Locator("#category").SelectOptionAsync("service-interruption");
        await employee.Locator("#initialSituation").FillAsync("工资查询系统无法登录，整个部门受影响。");
        await employee.Locator("#peopleInvolved").FillAsync("王芳");
        await employee.Locator("#reporterPhone").FocusAsync();
        await employee.Keyboard.TypeAsync("13812345678");
        await BrowserHost.ScreenshotAsync(employee, "story-01-employee-report-zh-phone");
        await employee.Locator("form.report-form button[type=submit]").ClickAsync();
        await BrowserHost.ArrivedAsync(employee, url => url.EndsWith("/done", StringComparison.Ordinal));
        var id = await employee.Locator(".incident-number").InnerTextAsync();
        id.Should().MatchRegex("^[0-9a-f]{32}$");
        (await employee.Locator(".suggested-grade").InnerTextAsync()).Should().Be("二级（较大）");
        (await employee.Locator(".sla-promise").InnerTextAsync()).Should().Contain("5分钟");
        await BrowserHost.ScreenshotAsync(employee, "story-02-employee-reported-zh-phone");
        await employee.GotoAsync("/my/reports");
        (await employee.Locator($"[data-incident='{id}']").InnerTextAsync()).Should().Contain(place).And.Contain("服务中断类");
        (await employee.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).Should().BeTrue("a phone never scrolls sideways");
        Step("employee reported");

        // 2. The lead's board shows it by itself, its response countdown running (应急启动与评估).
        var row = lead.Locator($"tr[data-incident='{id}']");
        await Expect(row).ToHaveAttributeAsync("data-sla-state", "Pending");
        await Expect(row.Locator(".countdown")).ToContainTextAsync("还剩");
        await SamePageAsync(lead, "the board refreshed itself");
        await BrowserHost.ScreenshotAsync(lead, "story-03-lead-board-new-report-zh");
        Step("board shows it");

        // 3. The responder opens the incident (the link a page or notice carries) and acknowledges with one tap in time.
        var incident = Track(await responder.Context.NewPageAsync());
        await incident.GotoAsync($"/incidents/{id}");
        await Expect(incident.Locator("#incident-location")).ToHaveTextAsync(place);
        await Expect(incident.Locator("#sla-countdown")).ToContainTextAsync("距响应时限还剩");
        await BrowserHost.ScreenshotAsync(incident, "story-04-responder-countdown-zh-phone");
        (await incident.Locator("#acknowledge").BoundingBoxAsync())!.Height.Should().BeGreaterThanOrEqualTo(44, "a thumb can hit it");
        await incident.Locator("#acknowledge").ClickAsync();
        await Expect(incident.Locator("#notice")).ToBeVisibleAsync();
        await Expect(incident.Locator("#sla-state")).ToHaveTextAsync("已按时响应");
        await BrowserHost.ScreenshotAsync(incident, "story-05-responder-acknowledged-zh-phone");
        Step("responder acknowledged");

        // 4. The board shows the response met; the lead grades it Level 2 from the board.
        await Expect(row).ToHaveAttributeAsync("data-sla-state", "Met");
        await row.Locator($"a[href='/lead/incidents/{id}/assess']").ClickAsync();
        await BrowserHost.ArrivedAsync(lead, url => url.EndsWith($"/lead/incidents/{id}/assess", StringComparison.Ordinal));
        await lead.Locator("#grade-2").CheckAsync();
        await lead.Locator("#method-Data").CheckAsync();
        await lead.Locator("#evidence").FillAsync("登录日志显示认证服务故障，约200名员工受影响。");
        await lead.Locator("#assess-submit").ClickAsync();
        await Expect(lead.Locator("#done")).ToContainTextAsync("二级（较大）");
        await BrowserHost.ScreenshotAsync(lead, "story-06-lead-graded-zh");
        Step("lead graded");

        // The metrics page, open since before the report, has drawn the acknowledgement by itself; its data table
        // opened now stays open while the charts refresh.
        var ackDot = metrics.Locator("svg#ack-grade circle.dot").Filter(new() { HasText = id + ":" });
        await Expect(ackDot).ToHaveCountAsync(1);
        await Expect(ackDot).ToHaveClassAsync(new Regex(@"\bwithin\b"));
        await SamePageAsync(metrics, "the metrics refreshed themselves");
        await metrics.Locator("#ack-grade-figure summary").FocusAsync();
        await metrics.Keyboard.PressAsync("Enter");
        await Expect(metrics.Locator("#ack-grade-table")).ToBeVisibleAsync();
        var refreshes = await LiveVersionAsync(metrics);
        Step("metrics drew the acknowledgement");

        // 5. The category's tasks reach the responder's list by themselves (分类处理措施); the responder does each one
        //    with its own form. service-interruption.json gives the responder role two tasks at once.
        var responderTasks = responder.Locator($"[data-instance-id='{id}']");
        await Expect(responderTasks).ToHaveCountAsync(2);
        await SamePageAsync(responder, "the task list refreshed itself");
        await Expect(responderTasks.First.Locator(".countdown")).ToContainTextAsync("还剩");
        await BrowserHost.ScreenshotAsync(responder, "story-07-responder-tasks-arrived-zh-phone");
        await CompleteNextTaskAsync(responder, id, "story-08-responder-task-form-zh-phone");
        await CompleteNextTaskAsync(responder, id, "story-09-responder-task-form-zh-phone");
        await Expect(responderTasks).ToHaveCountAsync(0);
        Step("responder did the tasks");

        // 6. The team lead's own tasks: inform the employees, then (once every immediate measure is done) review and improve.
        await OpenLiveAsync(lead, "/tasks");
        await CompleteNextTaskAsync(lead, id, "story-10-lead-task-form-zh");
        await CompleteNextTaskAsync(lead, id, "story-11-lead-task-form-zh");
        Step("lead did the tasks");

        // 7. With every task done the workflow moves the incident to Resolved by itself; the incident page follows live.
        await OpenLiveAsync(lead, $"/incidents/{id}");
        await Expect(lead.Locator("#incident-status")).ToHaveTextAsync("已解决");
        await Expect(lead.Locator("#open-tasks")).ToHaveCountAsync(0);
        await Expect(lead.Locator("#done-tasks li")).ToHaveCountAsync(4);
        await BrowserHost.ScreenshotAsync(lead, "story-12-lead-incident-resolved-zh");
        Step("workflow resolved it");

        // 8. The lead announces (信息发布与沟通), with the category's prefilled message.
        var marker = Guid.NewGuid().ToString("N")[..6];
        await lead.Locator("#lead-announce").ClickAsync();
        await BrowserHost.ArrivedAsync(lead, url => url.EndsWith($"/lead/incidents/{id}/announce", StringComparison.Ordinal));
        var message = await lead.Locator("#message").InputValueAsync();
        message.Should().NotBeNullOrWhiteSpace("the category's message is prefilled");
        await lead.Locator("#message").FillAsync($"{message}（编号 {marker}）");
        await lead.Locator("#announce-submit").ClickAsync();
        await Expect(lead.Locator("#announcements")).ToContainTextAsync(marker);
        await BrowserHost.ScreenshotAsync(lead, "story-13-lead-announced-zh");

        // 9. The review with an improvement action, then close (应急结束与总结). Level 2: no second lead needed.
        await lead.GotoAsync($"/lead/incidents/{id}/review");
        await lead.Locator("#what-happened").FillAsync("认证服务证书过期，工资查询系统无法登录约40分钟。");
        await lead.Locator("#root-cause").FillAsync("证书到期未设提醒。");
        await lead.Locator("#lessons").FillAsync("关键证书到期前30天自动提醒。");
        await lead.Locator("#action-0-title").FillAsync("为所有证书设置到期提醒");
        await lead.Locator("#action-0-owner").SelectOptionAsync("m-responder");
        await lead.Locator("#action-0-due").FillAsync(DateTime.UtcNow.AddDays(14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await lead.Locator("#review-submit").ClickAsync();
        await Expect(lead.Locator("#review")).ToContainTextAsync("证书到期未设提醒。");
        await lead.Locator("#move-Closed").ClickAsync();
        await Expect(lead.Locator("#incident-status")).ToHaveTextAsync("已结束");
        await BrowserHost.ScreenshotAsync(lead, "story-14-lead-reviewed-closed-zh");
        Step("lead announced, reviewed, closed");

        // The lead keeps the incident page open: no feedback yet.
        await OpenLiveAsync(lead, $"/incidents/{id}");
        await Expect(lead.Locator("#feedback-none")).ToBeVisibleAsync();

        // 10. The employee reads the announcement and tells how it was handled.
        await employee.GotoAsync("/announcements");
        await Expect(employee.Locator("main")).ToContainTextAsync(marker);
        await BrowserHost.ScreenshotAsync(employee, "story-15-employee-announcement-zh-phone");
        await employee.GotoAsync($"/my/reports/{id}/feedback");
        await employee.Locator("label[for='satisfaction-5']").ClickAsync();
        await employee.Locator("#comments").FillAsync("恢复很快，通知及时，谢谢应急小组。");
        await employee.Locator("main form button[type=submit]").ClickAsync();
        await Expect(employee.Locator("#feedback-saved")).ToBeVisibleAsync();
        await BrowserHost.ScreenshotAsync(employee, "story-16-employee-feedback-zh-phone");
        Step("employee read the announcement and gave feedback");

        // 11. The lead's incident page shows the feedback (score and comments) by itself.
        var feedback = lead.Locator("#feedback [data-satisfaction]");
        await Expect(feedback).ToHaveAttributeAsync("data-satisfaction", "5");
        await Expect(feedback.Locator(".feedback-score")).ToHaveTextAsync("满意度 5/5");
        await Expect(feedback.Locator(".feedback-comments")).ToHaveTextAsync("恢复很快，通知及时，谢谢应急小组。");
        await SamePageAsync(lead, "the incident page refreshed itself");
        await BrowserHost.ScreenshotAsync(lead, "story-17-lead-incident-feedback-zh");

        // 12. The metrics page has followed the whole story: the incident's dot is still within the 5-minute line, the
        //     Level 2 row of the table counts it, and the table the lead opened stayed open through the refreshes.
        var sla = await SlaAsync(id);
        TimeSpan.Parse((string)sla["timeToAcknowledge"]!, CultureInfo.InvariantCulture).Should().BeLessThan(TimeSpan.FromMinutes(5));
        (await LiveVersionAsync(metrics)).Should().BeGreaterThan(refreshes, "the charts refreshed while the story went on");
        await SamePageAsync(metrics, "the metrics refreshed themselves");
        await Expect(ackDot).ToHaveClassAsync(new Regex(@"\bwithin\b"));
        var level2 = metrics.Locator("#ack-grade-table tr[data-group='2']");
        await Expect(level2).ToBeVisibleAsync();
        int.Parse(await level2.Locator("[data-col=within]").InnerTextAsync(), CultureInfo.InvariantCulture).Should().BeGreaterThanOrEqualTo(1);
        (await metrics.Locator("svg#ack-grade text.target-label").First.TextContentAsync()).Should().Be("目标 5 分钟");
        foreach (var other in new[] { "svg#compliance", "svg#volume", "svg#arrive-category" })
        {
            await Expect(metrics.Locator(other)).ToBeVisibleAsync();
        }

        await BrowserHost.ScreenshotAsync(metrics, "story-18-lead-metrics-zh");
        await metrics.SetViewportSizeAsync(390, 844);
        (await metrics.Locator("svg#ack-grade").BoundingBoxAsync())!.Width.Should().BeGreaterThan(300, "the chart is drawn at a readable size on a phone");
        await BrowserHost.ScreenshotAsync(metrics, "story-19-lead-metrics-zh-phone");
        Step("metrics show it");
    }

    private void Step(string what) => output.WriteLine(FormattableString.Invariant($"{clock.Elapsed.TotalSeconds,6:0.0} s  {what}"));

    private static async Task<int> LiveVersionAsync(IPage page) =>
        int.Parse(await page.Locator("#metrics-live").GetAttributeAsync("data-live-version") ?? "0", CultureInfo.InvariantCulture);

    private IPage Track(IPage page)
    {
        page.SetDefaultTimeout(Patience);
        pages.Add(page);
        return page;
    }

    /// <summary>Opens a page with a live region, waits until it listens to /live and marks the document, so that a later
    /// check can tell a refresh of the region from a reload of the page.</summary>
    private static async Task OpenLiveAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-live", "connected");
        await page.EvaluateAsync("() => { window.ewSamePage = true; }");
    }

    private static async Task SamePageAsync(IPage page, string because) =>
        (await page.EvaluateAsync<bool>("() => window.ewSamePage === true")).Should().BeTrue(because + ", the page was not reloaded");

    /// <summary>On /tasks: claims the incident's first open task with one tap, fills its own form and completes it.</summary>
    private static async Task CompleteNextTaskAsync(IPage page, string incidentId, string screenshot)
    {
        var row = page.Locator($"[data-instance-id='{incidentId}']").First;
        var taskId = await row.GetAttributeAsync("data-task-id");
        await row.Locator("button.claim").ClickAsync();
        await BrowserHost.ArrivedAsync(page, url => url.EndsWith("/tasks/" + Uri.EscapeDataString(taskId!), StringComparison.Ordinal));
        await Expect(page.Locator("#claimed-by-me")).ToBeVisibleAsync();
        await FillTaskFormAsync(page);
        await BrowserHost.ScreenshotAsync(page, screenshot);
        await page.Locator("button[name=outcome]").First.ClickAsync();
        await BrowserHost.ArrivedAsync(page, url => url.EndsWith("/tasks", StringComparison.Ordinal));
        await Expect(page.Locator($"[data-task-id='{taskId}']")).ToHaveCountAsync(0);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-live", "connected");
    }

    /// <summary>Fills every field of the task's form the way its type asks (number, yes/no, date, text).</summary>
    private static async Task FillTaskFormAsync(IPage page)
    {
        var form = page.Locator("form.task-form");
        foreach (var number in await form.Locator("input[inputmode=decimal]").AllAsync())
        {
            await number.FillAsync("1");
        }

        foreach (var yes in await form.Locator("input[type=radio][value=true]").AllAsync())
        {
            await yes.CheckAsync();
        }

        foreach (var date in await form.Locator("input[type=date]").AllAsync())
        {
            await date.FillAsync(DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        foreach (var text in await form.Locator("textarea").AllAsync())
        {
            await text.FillAsync("已按预案完成");
        }
    }

    private async Task<JsonObject> SlaAsync(string id) =>
        await BrowserHost.UntilAsync(async () => (await host.Api.GetFromJsonAsync<JsonObject>($"/api/incidents/{id}/sla"))!,
            sla => sla["acknowledgedAt"] is not null, Deadline, "the acknowledgement is on the incident's SLA");
}
