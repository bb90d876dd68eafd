using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using EmergencyWorkflows.Api.Tests.Incidents;
using EmergencyWorkflows.Api.Tests.Infrastructure;
using EmergencyWorkflows.Api.Tests.Tasks;
using EmergencyWorkflows.Persistence;
using EmergencyWorkflows.Persistence.Incidents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmergencyWorkflows.Api.Tests.Web;

/// <summary>
/// The responder's pages (/tasks, /tasks/{id}, /incidents/{id}) driven like a browser (sign-in form, antiforgery
/// token) and checked against the API: the same tasks, the same access rule, the same effects.
/// </summary>
[Collection(SharedHostCollection.Name)]
public class RespondPageTests(SharedHost host)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);
    private static readonly object Level3 = new { grade = 3, methods = new[] { "OnSiteInspection" }, evidence = "Seen on site." };

    [Fact]
    public async Task TaskList_Responder_ShowsMyAndMyRoleTasksAsTheApiNotOthers()
    {
        using var responder = host.Factory.CreateClientAs("responder");
        using var responder2 = host.Factory.CreateClientAs("responder2");
        using var lead = host.Factory.CreateClientAs("lead");
        var id = await IncidentWithTasksAsync("service-interruption");
        var roleTasks = await TaskDriver.OpenForAsync(responder, id);
        var takenByOther = roleTasks[0];
        (await IncidentHost.PostAsync(responder2, $"/api/tasks/{takenByOther["id"]}/claim", new { })).Status.Should().Be(HttpStatusCode.OK);
        var leadOnly = (await TaskDriver.OpenForAsync(lead, id)).Where(t => (string?)t["assignee"] != "responder").ToList();
        leadOnly.Should().NotBeEmpty("the plan gives the team lead a task of its own");
        var handedToMe = leadOnly[0];
        var reassigned = await IncidentHost.PostAsync(lead, $"/api/tasks/{handedToMe["id"]}/reassign", new { to = "m-responder", reason = "Zhang knows the people" });
        reassigned.Status.Should().Be(HttpStatusCode.OK, reassigned.Body.ToJsonString());
        using var page = await PageClient.SignedInAsync(host.Factory, "responder");

        var (status, html) = await page.GetPageAsync("/tasks");

        status.Should().Be(HttpStatusCode.OK);
        var document = new HtmlParser().ParseDocument(html);
        var shown = TaskIds(document, id);
        var api = (await TaskDriver.OpenForAsync(responder, id)).Select(t => (string)t["id"]!).ToList();
        shown.Should().BeEquivalentTo(api, "the page lists what GET /api/tasks/mine gives the same user");
        shown.Should().Contain((string)handedToMe["id"]!, "a task assigned to me in person is mine")
            .And.NotContain((string)takenByOther["id"]!, "a task another responder claimed is theirs")
            .And.HaveCountGreaterThan(1, "my role's open tasks are listed too");
        foreach (var other in leadOnly.Skip(1))
        {
            shown.Should().NotContain((string)other["id"]!, "the team lead's own tasks are not a responder's");
        }

        var row = document.QuerySelector($"[data-task-id='{shown.First(t => t != (string)handedToMe["id"]!)}']")!;
        row.QuerySelector("form button.claim").Should().NotBeNull("an unclaimed task is claimed with one tap");
        row.QuerySelector("a[href^='/tasks/']").Should().NotBeNull();
        document.QuerySelector("#task-list")!.GetAttribute("data-live-src").Should().Be("/tasks?handler=Fragment");
    }

    [Fact]
    public async Task TaskList_Fragment_IsTheListAloneForTheLiveRegion()
    {
        var id = await IncidentWithTasksAsync("personnel-safety");
        using var page = await PageClient.SignedInAsync(host.Factory, "responder");

        var (status, html) = await page.GetPageAsync("/tasks?handler=Fragment");

        status.Should().Be(HttpStatusCode.OK);
        html.Should().NotContain("<html").And.NotContain("<header");
        TaskIds(new HtmlParser().ParseDocument(html), id).Should().NotBeEmpty();
    }

    [Fact]
    public async Task TaskList_Reporter_Forbidden()
    {
        using var page = await PageClient.SignedInAsync(host.Factory, "employee");

        var (status, html) = await page.GetPageAsync("/tasks");

        status.Should().BeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
        html.Should().NotContain("data-task-id");
    }

    [Fact]
    public async Task TaskList_Claim_OneTapMakesItMine()
    {
        using var responder = host.Factory.CreateClientAs("responder");
        var id = await IncidentWithTasksAsync("personnel-safety");
        var task = (await TaskDriver.OpenForAsync(responder, id))[0];
        using var page = await PageClient.SignedInAsync(host.Factory, "responder");

        using var claimed = await page.PostFormAsync("/tasks?handler=Claim", new Dictionary<string, string> { ["taskId"] = (string)task["id"]! }, "/tasks");

        claimed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        claimed.Headers.Location!.ToString().Should().Be("/tasks/" + Uri.EscapeDataString((string)task["id"]!));
        var after = (await TaskDriver.OpenForAsync(responder, id)).Single(t => (string)t["id"]! == (string)task["id"]!);
        ((string?)after["claimedBy"]).Should().Be("m-responder");
        var (_, html) = await page.GetPageAsync($"/tasks/{task["id"]}");
        new HtmlParser().ParseDocument(html).QuerySelector("#claimed-by-me").Should().NotBeNull();
    }

    [Fact]
    public async Task TaskPage_EveryFieldOfTheTaskFormHasALabelAndOutcomesAreButtons()
    {
        using var responder = host.Factory.CreateClientAs("responder");
        var id = await IncidentWithTasksAsync("personnel-safety");
        var task = (await TaskDriver.OpenForAsync(responder, id)).First(t => t["formFields"]!.AsArray().Count > 0);
        using var page = await PageClient.SignedInAsync(host.Factory, "responder", "zh-CN");

        var (status, html) = await page.GetPageAsync($"/tasks/{task["id"]}");

        status.Should().Be(HttpStatusCode.OK);
        var document = new HtmlParser().ParseDocument(html);
        document.QuerySelector("h1")!.TextContent.Should().Be((string)task["titleZh"]!, "a Chinese page shows the task's Chinese title");
        foreach (var field in task["formFields"]!.AsArray())
        {
            var name = (string)field!["name"]!;
            var label = (string)field["labelZh"]!;
            document.QuerySelectorAll($"[name='Form.{name}']").Should().NotBeEmpty($"the task's field {name} is on the form");
            document.Body!.TextContent.Should().Contain(label);
        }

        foreach (var input in document.QuerySelectorAll("main input:not([type=hidden]), main select, main textarea"))
        {
            input.Id.Should().NotBeNullOrEmpty(input.OuterHtml);
            document.QuerySelector($"label[for='{input.Id}']").Should().NotBeNull($"{input.OuterHtml} needs a <label for>");
        }

        document.QuerySelectorAll("button[name=outcome]").Select(b => b.GetAttribute("value"))
            .Should().BeEquivalentTo(task["outcomes"]!.AsArray().Select(o => (string)o!));
        document.Body!.TextContent.Should().Contain("转派").And.Contain("原因");
    }

    [Theory]
    [InlineData("zh-CN", true)]
    [InlineData("en-US", false)]
    public async Task TaskPage_ReaderLanguage_TitleInstructionsLabelsAndOutcomeInThatLanguage(string language, bool chinese)
    {
        using var responder = host.Factory.CreateClientAs("responder");
        var id = await IncidentWithTasksAsync("personnel-safety");
        var task = (await TaskDriver.OpenForAsync(responder, id)).First(t => (string?)t["title"] == "Evacuate people");
        ((string?)task["titleZh"]).Should().Be("疏散人员", "the API keeps the English title and adds the Chinese one");
        using var page = await PageClient.SignedInAsync(host.Factory, "responder", language);

        var (status, html) = await page.GetPageAsync($"/tasks/{task["id"]}");

        status.Should().Be(HttpStatusCode.OK);
        var document = new HtmlParser().ParseDocument(html);
        string Text(JsonNode node, string english) => (string)node[chinese ? english + "Zh" : english]!;
        document.QuerySelector("h1")!.TextContent.Should().Be(Text(task, "title"));
        document.QuerySelector("title")!.TextContent.Should().Contain(Text(task, "title"));
        document.QuerySelector(".instructions")!.TextContent.Should().Be(Text(task, "instructions"));
        foreach (var field in task["formFields"]!.AsArray())
        {
            var input = document.QuerySelector($"#field-{field!["name"]}")!;
            var caption = input.LocalName == "fieldset" ? input.QuerySelector("legend")! : document.QuerySelector($"label[for='{input.Id}']")!;
            caption.TextContent.Should().StartWith(Text(field, "label"));
        }

        var outcome = document.QuerySelector("button[name=outcome][value=Done]")!.TextContent;
        outcome.Should().Be(Text(task["outcomeLabels"]!["Done"]!, "label"));
        HasHan(document.QuerySelector("main")!.QuerySelector("h1")!.TextContent + outcome).Should().Be(chinese);
    }

    [Fact]
    public async Task TaskListAndIncidentPage_ChineseReaders_ShowTheChineseTaskTitles()
    {
        using var responder = host.Factory.CreateClientAs("responder");
        var id = await IncidentWithTasksAsync("complaint-dispute");
        var open = await TaskDriver.OpenForAsync(responder, id);
        using var page = await PageClient.SignedInAsync(host.Factory, "responder", "zh-CN");
        using var leadPage = await PageClient.SignedInAsync(host.Factory, "lead", "zh-CN");

        var (_, list) = await page.GetPageAsync("/tasks");
        var (_, incident) = await leadPage.GetPageAsync($"/incidents/{id}");

        var listed = new HtmlParser().ParseDocument(list);
        var incidentPage = new HtmlParser().ParseDocument(incident);
        foreach (var task in open)
        {
            var zh = (string)task["titleZh"]!;
            HasHan(zh).Should().BeTrue(zh);
            listed.QuerySelector($"[data-task-id='{task["id"]}'] .task-title")!.TextContent.Should().Be(zh);
            incidentPage.QuerySelector($"#open-tasks [data-task-id='{task["id"]}']")!.TextContent.Should().Contain(zh)
                .And.NotContain((string)task["title"]!);
        }
    }

    private static bool HasHan(string text) => text.Any(c => c is >= '\u4e00' and <= '\u9fff');

    [Fact]
    public async Task TaskPage_CompleteWithItsForm_TaskDoneAndWorkflowMoved()
    {
        using var responder = host.Factory.CreateClientAs("responder");
        var id = await IncidentWithTasksAsync("personnel-safety");
        var task = (await TaskDriver.OpenForAsync(responder, id)).First(t => t["formFields"]!.AsArray().Count > 0);
        var taskId = (string)task["id"]!;
        using var page = await PageClient.SignedInAsync(host.Factory, "responder");

        using var done = await page.PostFormAsync($"/tasks/{taskId}?handler=Complete", ValidForm(task), $"/tasks/{taskId}");

        done.StatusCode.Should().Be(HttpStatusCode.Redirect, await done.Content.ReadAsStringAsync());
        done.Headers.Location!.ToString().Should().Be("/tasks");
        (await TaskDriver.OpenForAsync(responder, id)).Select(t => (string)t["id"]!).Should().NotContain(taskId);
        var instance = await host.Client.GetInstanceAsync(id);
        instance.Bookmarks("Elsa.RunTask").Select(b => (string?)b["key"]).Should().NotContain(taskId, "the workflow went past the task");
        // The completion line (and the responder's participation) arrive through the outbox: read as a lead meanwhile.
        using var lead = host.Factory.CreateClientAs("lead");
        var timeline = await Settle.UntilAsync(
            async () => IncidentHost.Timeline(await IncidentHost.GetAsync(lead, id)).ToList(),
            t => t.Any(e => e.Kind == "Task" && e.Summary.Contains($"\"{task["title"]}\" completed", StringComparison.Ordinal)),
            Deadline, "the completion on the timeline");
        timeline.Should().Contain(e => e.Summary.Contains("completed by m-responder", StringComparison.Ordinal));
        var (_, list) = await page.GetPageAsync("/tasks");
        TaskIds(new HtmlParser().ParseDocument(list), id).Should().NotContain(taskId);
        list.Should().Contain("Task completed");
    }

    [Fact]
    public async Task TaskPage_InvalidFormValues_ErrorsNextToFieldsAndNothingChanged()
    {
        using var responder = host.Factory.CreateClientAs("responder");
        var id = await IncidentWithTasksAsync("personnel-safety");
        var task = (await TaskDriver.OpenForAsync(responder, id))
            .First(t => t["formFields"]!.AsArray().Any(f => (bool?)f!["required"] == true));
        var taskId = (string)task["id"]!;
        var fields = task["formFields"]!.AsArray().Select(f => f!.AsObject()).ToList();
        var required = fields.First(f => (bool?)f["required"] == true);
        var form = ValidForm(task);
        form["Form." + (string)required["name"]!] = "   ";
        var number = fields.FirstOrDefault(f => (string)f["type"]! == "number" && f != required);
        if (number is not null)
        {
            form["Form." + (string)number["name"]!] = "many";
        }

        var before = await host.Client.GetInstanceAsync(id);
        using var page = await PageClient.SignedInAsync(host.Factory, "responder");

        using var refused = await page.PostFormAsync($"/tasks/{taskId}?handler=Complete", form, $"/tasks/{taskId}");

        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var document = new HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync());
        document.QuerySelector("[role=alert]#form-errors").Should().NotBeNull("the summary lists the problems");
        document.QuerySelector($"#field-{required["name"]}-error")!.TextContent.Should().Be("This field is required.");
        if (number is not null)
        {
            document.QuerySelector($"#field-{number["name"]}-error")!.TextContent.Should().Contain("number");
            document.QuerySelector($"#field-{number["name"]}")!.GetAttribute("value").Should().Be("many", "what was typed comes back");
        }

        // The instance itself may still move (the workflow's own status steps settle in the background); the task must not.
        var after = await host.Client.GetInstanceAsync(id);
        after.Bookmarks("Elsa.RunTask").Select(b => (string?)b["key"]).Should().Contain(taskId, "nothing reached the task");
        before.Bookmarks("Elsa.RunTask").Select(b => (string?)b["key"]).Should().Contain(taskId);
        var still = (await TaskDriver.OpenForAsync(responder, id)).Single(t => (string)t["id"]! == taskId);
        ((string?)still["claimedBy"]).Should().BeNull();
        IncidentHost.Timeline(await IncidentHost.GetAsync(host.Client, id)).Should().NotContain(e => e.Summary.Contains(" completed ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TaskPage_ReassignWithoutReason_RefusedThenWithReasonReassigned()
    {
        using var responder = host.Factory.CreateClientAs("responder");
        using var responder2 = host.Factory.CreateClientAs("responder2");
        var id = await IncidentWithTasksAsync("personnel-safety");
        var taskId = (string)(await TaskDriver.OpenForAsync(responder, id))[0]["id"]!;
        using var page = await PageClient.SignedInAsync(host.Factory, "responder");

        using var refused = await page.PostFormAsync($"/tasks/{taskId}?handler=Reassign",
            new Dictionary<string, string> { ["to"] = "m-responder2", ["reason"] = " " }, $"/tasks/{taskId}");

        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var document = new HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync());
        document.QuerySelector("#reassign-errors[role=alert]").Should().NotBeNull();
        document.QuerySelector("#reassign-reason-error")!.TextContent.Should().Be("Give the reason for reassigning.");
        (await TaskDriver.OpenForAsync(responder2, id)).Select(t => (string)t["id"]!).Where(t => t == taskId)
            .Should().BeEquivalentTo([taskId], "still the responder role's task, open to both");
        var unchanged = (await TaskDriver.OpenForAsync(responder, id)).Single(t => (string)t["id"]! == taskId);
        ((string)unchanged["assignee"]!).Should().Be("responder");

        using var moved = await page.PostFormAsync($"/tasks/{taskId}?handler=Reassign",
            new Dictionary<string, string> { ["to"] = "m-responder2", ["reason"] = "Sun is on site already" }, $"/tasks/{taskId}");

        moved.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await TaskDriver.OpenForAsync(responder, id)).Select(t => (string)t["id"]!).Should().NotContain(taskId);
        var theirs = (await TaskDriver.OpenForAsync(responder2, id)).Single(t => (string)t["id"]! == taskId);
        ((string)theirs["assignee"]!).Should().Be("m-responder2");
    }

    [Theory]
    [InlineData("zh-CN", true)]
    [InlineData("en-US", false)]
    public async Task TaskPage_RefusalsOfTheTaskBoard_SaidInTheReaderLanguage(string language, bool chinese)
    {
        using var responder = host.Factory.CreateClientAs("responder");
        using var responder2 = host.Factory.CreateClientAs("responder2");
        var id = await IncidentWithTasksAsync("personnel-safety");
        var tasks = await TaskDriver.OpenForAsync(responder, id);
        var task = tasks.First(t => t["formFields"]!.AsArray().Count > 0);
        var taskId = (string)task["id"]!;
        var other = tasks.First(t => (string)t["id"]! != taskId);
        var otherId = (string)other["id"]!;
        (await IncidentHost.PostAsync(responder2, $"/api/tasks/{otherId}/claim", new { })).Status.Should().Be(HttpStatusCode.OK);
        using var page = await PageClient.SignedInAsync(host.Factory, "responder", language);
        using var leadPage = await PageClient.SignedInAsync(host.Factory, "lead", language);
        var badOutcome = ValidForm(task);
        badOutcome["outcome"] = "NoSuchOutcome";

        using var unknownOutcome = await page.PostFormAsync($"/tasks/{taskId}?handler=Complete", badOutcome, $"/tasks/{taskId}");
        using var unknownPerson = await page.PostFormAsync($"/tasks/{taskId}?handler=Reassign",
            new Dictionary<string, string> { ["to"] = "nobody-here", ["reason"] = "Someone else should" }, $"/tasks/{taskId}");
        using var claimedByOther = await leadPage.PostFormAsync($"/tasks/{otherId}?handler=Complete", ValidForm(other), $"/tasks/{otherId}");

        unknownOutcome.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        unknownPerson.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        claimedByOther.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var outcomeErrors = new HtmlParser().ParseDocument(await unknownOutcome.Content.ReadAsStringAsync()).QuerySelector("#form-errors")!.TextContent;
        var personErrors = new HtmlParser().ParseDocument(await unknownPerson.Content.ReadAsStringAsync()).QuerySelector("#reassign-errors")!.TextContent;
        var claimErrors = new HtmlParser().ParseDocument(await claimedByOther.Content.ReadAsStringAsync()).QuerySelector("#form-errors")!.TextContent;
        if (chinese)
        {
            outcomeErrors.Should().Contain("该任务不能以此方式结束").And.NotContain("must be one of");
            personErrors.Should().Contain("“nobody-here”既不是小组成员也不是角色").And.NotContain("is neither");
            claimErrors.Should().Contain("该任务已由 m-responder2 认领").And.NotContain("only they may complete");
        }
        else
        {
            outcomeErrors.Should().Contain("This task cannot end that way; use one of its buttons.");
            personErrors.Should().Contain("'nobody-here' is neither a team member nor a role");
            claimErrors.Should().Contain("The task is claimed by m-responder2; only they may complete it");
        }

        (await TaskDriver.OpenForAsync(responder, id)).Select(t => (string)t["id"]!).Should().Contain(taskId, "nothing was done");
    }

    [Fact]
    public async Task TaskPage_FormWithoutAntiforgeryToken_RefusedAndTaskOpen()
    {
        using var responder = host.Factory.CreateClientAs("responder");
        var id = await IncidentWithTasksAsync("personnel-safety");
        var task = (await TaskDriver.OpenForAsync(responder, id))[0];
        var taskId = (string)task["id"]!;
        using var page = await PageClient.SignedInAsync(host.Factory, "responder");
        await page.GetPageAsync($"/tasks/{taskId}");

        using var forged = await page.PostFormWithoutTokenAsync($"/tasks/{taskId}?handler=Complete", ValidForm(task));
        using var forgedClaim = await page.PostFormWithoutTokenAsync("/tasks?handler=Claim", new Dictionary<string, string> { ["taskId"] = taskId });

        forged.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        forgedClaim.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var still = (await TaskDriver.OpenForAsync(responder, id)).Single(t => (string)t["id"]! == taskId);
        ((string?)still["claimedBy"]).Should().BeNull();
    }

    [Fact]
    public async Task TaskPage_TaskOfAnotherRole_404LikeTheApi()
    {
        using var responder = host.Factory.CreateClientAs("responder");
        using var lead = host.Factory.CreateClientAs("lead");
        var id = await IncidentWithTasksAsync("service-interruption");
        var mine = (await TaskDriver.OpenForAsync(responder, id)).Select(t => (string)t["id"]!).ToHashSet();
        var leads = (await TaskDriver.OpenForAsync(lead, id)).First(t => !mine.Contains((string)t["id"]!));
        using var page = await PageClient.SignedInAsync(host.Factory, "responder");

        var (status, html) = await page.GetPageAsync($"/tasks/{leads["id"]}");

        status.Should().Be(HttpStatusCode.NotFound);
        html.Should().NotContain((string)leads["title"]!);
        (await page.GetPageAsync("/tasks/no-such-task")).Status.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task IncidentPage_UserWhoMayNotSeeIt_404WithNoData()
    {
        using var employee = host.Factory.CreateClientAs("employee");
        var place = "Warehouse " + Guid.NewGuid().ToString("N")[..8];
        var report = IncidentHost.Report("complaint-dispute", "A loud dispute at the canteen");
        report["location"] = place;
        var id = (string)(await IncidentHost.ReportAsync(employee, report))["id"]!;
        using var lead = host.Factory.CreateClientAs("lead");
        (await IncidentHost.PostAsync(lead, $"/api/incidents/{id}/acknowledge", new { })).Status.Should().Be(HttpStatusCode.OK,
            "once answered, a responder who does not work on it may not see it");
        using var other = await PageClient.SignedInAsync(host.Factory, "employee2");
        using var stranger = await PageClient.SignedInAsync(host.Factory, "responder2");

        var (otherStatus, otherHtml) = await other.GetPageAsync($"/incidents/{id}");
        var (strangerStatus, strangerHtml) = await stranger.GetPageAsync($"/incidents/{id}");
        var (fragmentStatus, fragmentHtml) = await other.GetPageAsync($"/incidents/{id}?handler=Fragment");
        using var forgedAck = await stranger.PostFormAsync($"/incidents/{id}?handler=Acknowledge", new Dictionary<string, string>(), "/tasks");

        otherStatus.Should().Be(HttpStatusCode.NotFound);
        strangerStatus.Should().Be(HttpStatusCode.NotFound);
        fragmentStatus.Should().Be(HttpStatusCode.NotFound);
        forgedAck.StatusCode.Should().Be(HttpStatusCode.NotFound, "the page acts only on an incident the user may see");
        foreach (var html in new[] { otherHtml, strangerHtml, fragmentHtml })
        {
            html.Should().NotContain(place).And.NotContain("canteen").And.NotContain("13812345678");
        }

        using var reporter = await PageClient.SignedInAsync(host.Factory, "employee");
        var (mineStatus, mineHtml) = await reporter.GetPageAsync($"/incidents/{id}");
        mineStatus.Should().Be(HttpStatusCode.OK);
        var document = new HtmlParser().ParseDocument(mineHtml);
        document.QuerySelector("#incident-location")!.TextContent.Should().Be(place);
        document.QuerySelector("#acknowledge").Should().BeNull("a reporter does not respond");
        document.QuerySelector("#open-tasks").Should().BeNull("the team's tasks are not the reporter's");
        document.QuerySelector("#lead-assess").Should().BeNull();
        document.QuerySelector("#timeline li").Should().NotBeNull();
    }

    [Fact]
    public async Task IncidentPage_AcknowledgeWithOneTap_SlaMetViaApi()
    {
        using var employee = host.Factory.CreateClientAs("employee");
        using var responder = host.Factory.CreateClientAs("responder");
        var id = (string)(await IncidentHost.ReportAsync(employee, IncidentHost.Report("personnel-safety")))["id"]!;
        await SlaStartedAsync(id);
        await MakeParticipantAsync(id, "m-responder", "Notified");
        using var page = await PageClient.SignedInAsync(host.Factory, "responder", "zh-CN");

        var (status, html) = await page.GetPageAsync($"/incidents/{id}");

        status.Should().Be(HttpStatusCode.OK);
        var before = new HtmlParser().ParseDocument(html);
        var countdown = before.QuerySelector("#sla-countdown")!;
        DateTimeOffset.Parse(countdown.GetAttribute("data-deadline")!, System.Globalization.CultureInfo.InvariantCulture)
            .Should().BeAfter(DateTimeOffset.UtcNow, "the deadline is still ahead");
        countdown.GetAttribute("data-remaining").Should().Be("距响应时限还剩 {0}");
        before.QuerySelector("#acknowledge")!.TextContent.Should().Be("确认接报（启动远程响应）");
        before.QuerySelector("#arrive").Should().NotBeNull();
        before.QuerySelector("#incident-live")!.GetAttribute("data-live-src").Should().Be($"/incidents/{id}?handler=Fragment");

        using var tapped = await page.PostFormAsync($"/incidents/{id}?handler=Acknowledge", new Dictionary<string, string>(), $"/incidents/{id}");

        tapped.StatusCode.Should().Be(HttpStatusCode.Redirect);
        tapped.Headers.Location!.ToString().Should().Be($"/incidents/{id}");
        using var slaResponse = await responder.GetAsync($"/api/incidents/{id}/sla");
        var sla = (await slaResponse.ReadJsonAsync()).AsObject();
        slaResponse.StatusCode.Should().Be(HttpStatusCode.OK, sla.ToJsonString());
        ((string)sla["state"]!).Should().Be("Met");
        sla["acknowledgedAt"].Should().NotBeNull();
        ((string)sla["responses"]![0]!["by"]!).Should().Be("m-responder");
        var (_, afterHtml) = await page.GetPageAsync($"/incidents/{id}");
        var after = new HtmlParser().ParseDocument(afterHtml);
        after.QuerySelector("#notice")!.TextContent.Should().Be("已记录确认接报。");
        after.QuerySelector("#sla-state")!.TextContent.Should().Be("已按时响应");
        after.QuerySelector("#acknowledge").Should().BeNull("it is done");
        after.QuerySelector("#arrive").Should().NotBeNull("arriving on site is still to record");
        string.Concat(after.QuerySelectorAll("#timeline .what").Select(e => e.TextContent)).Should().Contain("确认接报")
            .And.NotContain("Acknowledged", "the timeline is in the page's language");

        using var arrived = await page.PostFormAsync($"/incidents/{id}?handler=Arrive", new Dictionary<string, string>(), $"/incidents/{id}");

        arrived.StatusCode.Should().Be(HttpStatusCode.Redirect);
        using var finalResponse = await responder.GetAsync($"/api/incidents/{id}/sla");
        (await finalResponse.ReadJsonAsync())["arrivedAt"].Should().NotBeNull("the second tap records the arrival on site");
        var (_, doneHtml) = await page.GetPageAsync($"/incidents/{id}");
        var done = new HtmlParser().ParseDocument(doneHtml);
        done.QuerySelector("#arrive").Should().BeNull();
        done.QuerySelector("#sla-arrived")!.TextContent.Should().NotBe("—");
    }

    [Fact]
    public async Task IncidentPage_ReporterOfHandledIncident_SeesTheFeedbackLinkOnlyThen()
    {
        using var employee = host.Factory.CreateClientAs("employee");
        var id = (string)(await IncidentHost.ReportAsync(employee, IncidentHost.Report("complaint-dispute")))["id"]!;
        using var reporter = await PageClient.SignedInAsync(host.Factory, "employee");
        var (_, openHtml) = await reporter.GetPageAsync($"/incidents/{id}");
        new HtmlParser().ParseDocument(openHtml).QuerySelector("#feedback-link").Should().BeNull("it is not handled yet");

        await SetStatusAsync(id, "Resolved");
        var (status, html) = await reporter.GetPageAsync($"/incidents/{id}");
        using var other = await PageClient.SignedInAsync(host.Factory, "lead");
        var (_, leadHtml) = await other.GetPageAsync($"/incidents/{id}");

        status.Should().Be(HttpStatusCode.OK);
        var document = new HtmlParser().ParseDocument(html);
        document.QuerySelector("#feedback-link")!.GetAttribute("href").Should().Be($"/my/reports/{id}/feedback");
        document.QuerySelector("#incident-status")!.TextContent.Should().Be("Resolved");
        document.QuerySelector("#lead-assess").Should().BeNull("the lead's actions are for leads");
        new HtmlParser().ParseDocument(leadHtml).QuerySelector("#feedback-link").Should().BeNull("feedback is the reporter's");
    }

    [Fact]
    public async Task IncidentPage_FeedbackGiven_TeamSeesScoreAndCommentsAsText()
    {
        using var employee = host.Factory.CreateClientAs("employee");
        var id = (string)(await IncidentHost.ReportAsync(employee, IncidentHost.Report("complaint-dispute")))["id"]!;
        await SetStatusAsync(id, "Resolved");
        await MakeParticipantAsync(id, "m-responder", "Notified");
        using var lead = await PageClient.SignedInAsync(host.Factory, "lead", "zh-CN");
        var (_, beforeHtml) = await lead.GetPageAsync($"/incidents/{id}");

        using (var given = await employee.PostAsJsonAsync($"/api/incidents/{id}/feedback", new { satisfaction = 2, comments = "<b>Too slow</b> at the gate." }))
        {
            given.StatusCode.Should().Be(HttpStatusCode.Created);
        }

        var (_, leadHtml) = await lead.GetPageAsync($"/incidents/{id}?handler=Fragment");
        using var responder = await PageClient.SignedInAsync(host.Factory, "responder");
        var (status, responderHtml) = await responder.GetPageAsync($"/incidents/{id}");

        var before = new HtmlParser().ParseDocument(beforeHtml);
        before.QuerySelector("#feedback-none")!.TextContent.Should().Be("员工尚未反馈。");
        before.QuerySelectorAll("#feedback [data-satisfaction]").Should().BeEmpty();
        var live = new HtmlParser().ParseDocument(leadHtml).QuerySelector("#feedback [data-satisfaction]")!;
        live.GetAttribute("data-satisfaction").Should().Be("2", "the live region carries it, so an open page shows it by itself");
        live.QuerySelector(".feedback-score")!.TextContent.Should().Be("满意度 2/5");
        status.Should().Be(HttpStatusCode.OK);
        var item = new HtmlParser().ParseDocument(responderHtml).QuerySelector("#feedback [data-satisfaction]")!;
        item.QuerySelector(".feedback-score")!.TextContent.Should().Be("Satisfaction 2/5");
        item.QuerySelector(".feedback-comments")!.TextContent.Should().Be("<b>Too slow</b> at the gate.", "comments are text, never markup");
        item.QuerySelector(".feedback-comments b").Should().BeNull();
    }

    [Fact]
    public async Task IncidentPage_Lead_SeesTheTasksAndLinksToTheLeadActions()
    {
        var id = await IncidentWithTasksAsync("service-interruption");
        using var page = await PageClient.SignedInAsync(host.Factory, "lead");

        var (status, html) = await page.GetPageAsync($"/incidents/{id}");

        status.Should().Be(HttpStatusCode.OK);
        var document = new HtmlParser().ParseDocument(html);
        document.QuerySelector("#lead-assess")!.GetAttribute("href").Should().Be($"/lead/incidents/{id}/assess");
        document.QuerySelector("#lead-announce")!.GetAttribute("href").Should().Be($"/lead/incidents/{id}/announce");
        document.QuerySelector("#lead-review")!.GetAttribute("href").Should().Be($"/lead/incidents/{id}/review");
        document.QuerySelectorAll("#open-tasks li").Should().NotBeEmpty();
        document.QuerySelector("#participants")!.TextContent.Should().Contain("m-responder2", "who acknowledged works on it");
        document.QuerySelector("#incident-grade")!.TextContent.Should().Contain("Level 3");
    }

    private static Dictionary<string, string> ValidForm(JsonObject task)
    {
        var form = new Dictionary<string, string>();
        foreach (var field in task["formFields"]!.AsArray())
        {
            form["Form." + (string)field!["name"]!] = (string)field["type"]! switch
            {
                "number" => "3",
                "boolean" => "true",
                "date" => DateTimeOffset.UtcNow.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                _ => "Done as the plan says",
            };
        }

        form["outcome"] = (string)task["outcomes"]![0]!;
        return form;
    }

    private static List<string> TaskIds(IDocument document, string incidentId) =>
        [.. document.QuerySelectorAll($"[data-instance-id='{incidentId}']").Select(e => e.GetAttribute("data-task-id")!)];

    /// <summary>
    /// An incident whose task list is open: reported by an employee, acknowledged by responder2 and graded Level 3 by
    /// the lead (the plan's order; tasks may open at the report or after the assessment), until the responder has tasks.
    /// </summary>
    private async Task<string> IncidentWithTasksAsync(string category)
    {
        using var employee = host.Factory.CreateClientAs("employee");
        using var responder = host.Factory.CreateClientAs("responder");
        using var responder2 = host.Factory.CreateClientAs("responder2");
        using var lead = host.Factory.CreateClientAs("lead");
        var id = (string)(await IncidentHost.ReportAsync(employee, IncidentHost.Report(category)))["id"]!;
        await SlaStartedAsync(id);
        var ack = await IncidentHost.PostAsync(responder2, $"/api/incidents/{id}/acknowledge", new { });
        ack.Status.Should().Be(HttpStatusCode.OK, ack.Body.ToJsonString());
        var graded = await IncidentHost.PostAsync(lead, $"/api/incidents/{id}/assessment", Level3);
        graded.Status.Should().Be(HttpStatusCode.OK, graded.Body.ToJsonString());
        await Settle.UntilAsync(() => TaskDriver.OpenForAsync(responder, id), t => t.Count > 0, Deadline, $"tasks of {id} for the responder");
        return id;
    }

    private async Task SlaStartedAsync(string id)
    {
        using var lead = host.Factory.CreateClientAs("lead");
        await Settle.UntilAsync(() => IncidentHost.GetAsync(lead, id), i => i["sla"] is JsonObject, Deadline, $"the response SLA of {id}");
    }

    /// <summary>Puts the incident in a status directly (the page shows what is stored; how it got there is the lifecycle's business).</summary>
    private async Task SetStatusAsync(string id, string status)
    {
        var contexts = host.Factory.Services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        var incident = await db.Incidents.SingleAsync(i => i.Id == id);
        incident.Status = status;
        incident.Version++;
        await db.SaveChangesAsync();
    }

    /// <summary>The responder works on the incident (as an escalation notice or an assignment makes them), so they may see it.</summary>
    private async Task MakeParticipantAsync(string id, string who, string role)
    {
        var contexts = host.Factory.Services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        db.IncidentParticipants.Add(new IncidentParticipantRecord { IncidentId = id, Who = who, Role = role, Since = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
    }
}
