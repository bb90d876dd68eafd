using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using EmergencyWorkflows.Api.Tests.Incidents;
using EmergencyWorkflows.Api.Tests.Infrastructure;
using EmergencyWorkflows.Api.Tests.Release;

namespace EmergencyWorkflows.Api.Tests.Web;

/// <summary>The team lead's pages: board, assessment, four-eyes approvals, announcements, review and actions.</summary>
[Collection(LeadPageHostCollection.Name)]
public class LeadPageTests(LeadPageHost host)
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task Board_OpenIncident_ShowsRowWithCountdownLinksAndTools()
    {
        var id = await ReportAsync("personnel-safety", "Lift stuck on B2");
        using var lead = await PageClient.SignedInAsync(host.Factory, "lead");

        var (status, html) = await lead.GetPageAsync("/lead");

        status.Should().Be(HttpStatusCode.OK);
        var page = Parser.ParseDocument(html);
        var row = page.QuerySelector($"tr[data-incident='{id}']");
        row.Should().NotBeNull("the open incident is on the board");
        row!.GetAttribute("data-sla-state").Should().Be("Pending");
        var countdown = row.QuerySelector("[data-deadline]");
        countdown.Should().NotBeNull("a pending SLA shows a countdown");
        DateTimeOffset.Parse(countdown!.GetAttribute("data-deadline")!, CultureInfo.InvariantCulture).Should()
            .BeCloseTo(DateTimeOffset.UtcNow.AddMinutes(5), TimeSpan.FromMinutes(1));
        countdown.TextContent.Should().Contain("left");
        row.TextContent.Should().Contain("Lift stuck on B2").And.Contain("Personnel safety");
        Links(row).Should().Contain([$"/incidents/{id}", $"/lead/incidents/{id}/assess", $"/lead/incidents/{id}/announce", $"/lead/incidents/{id}/review"]);
        Links(page.DocumentElement).Should().Contain(["/studio/", "/hangfire", "/lead/approvals", "/lead/actions"]);
        page.QuerySelector("[data-live-src]")!.GetAttribute("data-live-src").Should().Be("/lead?handler=Fragment");
    }

    [Fact]
    public async Task Board_SlaLapses_RowShownAsBreachedInWordsAndFirst()
    {
        var pending = await ReportAsync("personnel-safety", "Pending one");
        var lapsing = await ReportAsync(LeadPageHost.ShortSlaCategory, "Angry caller at the front desk");
        using var lead = await PageClient.SignedInAsync(host.Factory, "lead");

        var html = await Settle.UntilAsync(async () => (await lead.GetPageAsync("/lead?handler=Fragment")).Html,
            h => Parser.ParseDocument(h).QuerySelector($"tr[data-incident='{lapsing}']")?.GetAttribute("data-sla-state") == "Breached",
            TimeSpan.FromSeconds(20), "the 2-second SLA shows as breached on the board");

        var fragment = Parser.ParseDocument(html);
        var rows = fragment.QuerySelectorAll("tr[data-incident]").Select(r => r.GetAttribute("data-incident")).ToList();
        var breached = fragment.QuerySelector($"tr[data-incident='{lapsing}']")!;
        breached.QuerySelector(".badge.breached")!.TextContent.Should().Contain("Deadline missed", "the breach is said in words, not colour only");
        rows.IndexOf(lapsing).Should().BeLessThan(rows.IndexOf(pending), "breached incidents come first");
        html.Should().NotContain("<html", "the fragment is the table only");
    }

    [Fact]
    public async Task Board_ChineseBrowser_ShowsThePlansTerms()
    {
        await ReportAsync("service-interruption", "邮件系统故障");
        using var lead = await PageClient.SignedInAsync(host.Factory, "lead", "zh-CN");

        var (_, html) = await lead.GetPageAsync("/lead");

        html.Should().Contain("事件看板").And.Contain("服务中断类").And.Contain("距响应时限还剩");
    }

    [Theory]
    [InlineData("responder")]
    [InlineData("employee")]
    public async Task LeadPages_NotATeamLead_ForbiddenWithoutTheData(string user)
    {
        var id = await ReportAsync("personnel-safety", "Secret location 42");
        using var browser = await PageClient.SignedInAsync(host.Factory, user);

        foreach (var url in new[] { "/lead", "/lead?handler=Fragment", "/lead/approvals", "/lead/actions", $"/lead/incidents/{id}/assess", $"/lead/incidents/{id}/announce", $"/lead/incidents/{id}/review" })
        {
            var (status, html) = await browser.GetPageAsync(url);
            status.Should().Be(HttpStatusCode.Forbidden, url);
            html.Should().NotContain("Secret location 42", url);
        }

        using var post = await browser.PostFormWithoutTokenAsync($"/lead/incidents/{id}/assess", new Dictionary<string, string> { ["Grade"] = "3" });
        post.StatusCode.Should().BeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.BadRequest);
        ((int?)(await IncidentHost.GetAsync(host.Lead, id))["grade"]).Should().BeNull();
    }

    [Fact]
    public async Task Assess_ValidForm_RecordsTheGradeWithTheAssessment()
    {
        var id = await AcknowledgedAsync();
        using var lead = await PageClient.SignedInAsync(host.Factory, "lead");

        var (_, form) = await lead.GetPageAsync($"/lead/incidents/{id}/assess");
        using var posted = await lead.PostFormAsync($"/lead/incidents/{id}/assess", new Dictionary<string, string>
        {
            ["Grade"] = "2",
            ["Methods"] = "OnSiteInspection",
            ["Evidence"] = "Two floors without power",
        });
        var (_, after) = await lead.GetPageAsync(posted.Headers.Location!.ToString());
        var incident = await IncidentHost.GetAsync(host.Lead, id);

        form.Should().Contain("casualties or major property loss", "the plan's grade definitions are shown");
        Parser.ParseDocument(form).QuerySelector("#suggested-grade")!.TextContent.Should().Contain("Level");
        posted.StatusCode.Should().Be(HttpStatusCode.Redirect);
        ((int?)incident["grade"]).Should().Be(2);
        ((string?)incident["status"]).Should().Be("Assessed");
        ((string?)incident["assessment"]!["evidence"]).Should().Be("Two floors without power");
        Parser.ParseDocument(after).QuerySelector("#done")!.TextContent.Should().Contain("Level 2");
        Parser.ParseDocument(after).QuerySelector("#current-assessment")!.TextContent.Should().Contain("On-site inspection").And.Contain("Two floors without power");
    }

    [Fact]
    public async Task Assess_MissingFields_ErrorsBesideTheFieldsAndNothingRecorded()
    {
        var id = await AcknowledgedAsync();
        using var lead = await PageClient.SignedInAsync(host.Factory, "lead");

        using var posted = await lead.PostFormAsync($"/lead/incidents/{id}/assess", new Dictionary<string, string> { ["Evidence"] = " " });
        var page = Parser.ParseDocument(await posted.Content.ReadAsStringAsync());

        posted.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        page.QuerySelector("[role=alert]")!.TextContent.Should().Contain("Choose the grade").And.Contain("Name at least one assessment method").And.Contain("Record the evidence");
        page.QuerySelector("#evidence-error")!.TextContent.Should().Contain("evidence");
        page.QuerySelector("#grade-error").Should().NotBeNull();
        ((int?)(await IncidentHost.GetAsync(host.Lead, id))["grade"]).Should().BeNull();
    }

    [Fact]
    public async Task Assess_NotYetResponded_ShowsTheApisReason()
    {
        var id = await ReportAsync("personnel-safety", "Nobody acknowledged yet");
        using var lead = await PageClient.SignedInAsync(host.Factory, "lead");

        using var posted = await lead.PostFormAsync($"/lead/incidents/{id}/assess", new Dictionary<string, string>
        {
            ["Grade"] = "3",
            ["Methods"] = "Data",
            ["Evidence"] = "Logs",
        });

        posted.StatusCode.Should().Be(HttpStatusCode.Conflict);
        Parser.ParseDocument(await posted.Content.ReadAsStringAsync()).QuerySelector("#api-problem")!.TextContent
            .Should().Contain("acknowledge it or record the arrival");
    }

    [Fact]
    public async Task Assess_NotYetRespondedInChinese_ShowsTheApisReasonInChinese()
    {
        var id = await ReportAsync("personnel-safety", "Nobody acknowledged yet either");
        using var lead = await PageClient.SignedInAsync(host.Factory, "lead", "zh-CN");

        using var posted = await lead.PostFormAsync($"/lead/incidents/{id}/assess", new Dictionary<string, string>
        {
            ["Grade"] = "3",
            ["Methods"] = "Data",
            ["Evidence"] = "Logs",
        });

        posted.StatusCode.Should().Be(HttpStatusCode.Conflict);
        Parser.ParseDocument(await posted.Content.ReadAsStringAsync()).QuerySelector("#api-problem")!.TextContent
            .Should().Be("该事件尚未响应；请先确认接报或记录到达现场，再进行评估。");
    }

    [Fact]
    public async Task Assess_FormWithoutAntiforgeryToken_RefusedAndNothingRecorded()
    {
        var id = await AcknowledgedAsync();
        using var lead = await PageClient.SignedInAsync(host.Factory, "lead");
        await lead.GetPageAsync($"/lead/incidents/{id}/assess");

        using var forged = await lead.PostFormWithoutTokenAsync($"/lead/incidents/{id}/assess", new Dictionary<string, string>
        {
            ["Grade"] = "3",
            ["Methods"] = "Data",
            ["Evidence"] = "Logs",
        });

        forged.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        ((int?)(await IncidentHost.GetAsync(host.Lead, id))["grade"]).Should().BeNull();
    }

    [Fact]
    public async Task Approvals_Level1Downgrade_RequesterRefusedSecondLeadApproves()
    {
        var id = await ReleaseSteps.HandlingAsync(host.Lead, grade: 1);
        using var lead = await PageClient.SignedInAsync(host.Factory, "lead");
        using var lead2 = await PageClient.SignedInAsync(host.Factory, "lead2");

        var (_, assessPage) = await lead.GetPageAsync($"/lead/incidents/{id}/assess");
        using var regrade = await lead.PostFormAsync($"/lead/incidents/{id}/assess", new Dictionary<string, string>
        {
            ["Grade"] = "3",
            ["Methods"] = "Data",
            ["Evidence"] = "Only a bruise",
            ["Reason"] = "Nobody was hurt after all",
        });
        ((int?)(await IncidentHost.GetAsync(host.Lead, id))["grade"]).Should().Be(1, "a Level 1 downgrade waits for a second lead");
        var (_, approvals) = await lead.GetPageAsync("/lead/approvals");
        var card = Parser.ParseDocument(approvals).QuerySelector($"article[data-approval]:has(a[href='/incidents/{id}'])");
        card.Should().NotBeNull("the request is listed");
        var approvalId = card!.GetAttribute("data-approval")!;
        var decision = new Dictionary<string, string> { ["IncidentId"] = id, ["ApprovalId"] = approvalId, ["Approve"] = "true" };
        var (_, board) = await lead.GetPageAsync("/lead?handler=Fragment");
        var boardPage = Parser.ParseDocument(board);

        using var own = await lead.PostFormAsync("/lead/approvals", decision);
        var ownPage = Parser.ParseDocument(await own.Content.ReadAsStringAsync());
        ((int?)(await IncidentHost.GetAsync(host.Lead, id))["grade"]).Should().Be(1);
        using var second = await lead2.PostFormAsync("/lead/approvals", decision);

        assessPage.Should().Contain("second team lead");
        regrade.StatusCode.Should().Be(HttpStatusCode.Redirect);
        regrade.Headers.Location!.ToString().Should().Contain("done=pending");
        card.TextContent.Should().Contain("Nobody was hurt after all").And.Contain("lead");
        boardPage.QuerySelector($"tr[data-incident='{id}'] a[href='/lead/approvals']").Should().NotBeNull("the board flags the pending approval");
        int.Parse(boardPage.QuerySelector("#approvals-count")!.TextContent, CultureInfo.InvariantCulture).Should().BeGreaterThanOrEqualTo(1);
        own.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        ownPage.QuerySelector("[role=alert]")!.TextContent.Should().Contain("cannot approve their own request");
        second.StatusCode.Should().Be(HttpStatusCode.Redirect);
        ((int?)(await IncidentHost.GetAsync(host.Lead, id))["grade"]).Should().Be(3);
    }

    [Fact]
    public async Task Announce_PrefilledFormPublished_ListedAndInTheFeed()
    {
        var id = await AcknowledgedAsync("service-interruption");
        using var lead = await PageClient.SignedInAsync(host.Factory, "lead", "zh-CN");

        var (_, form) = await lead.GetPageAsync($"/lead/incidents/{id}/announce");
        var prefilled = Parser.ParseDocument(form).QuerySelector("#message")!.TextContent;
        using var posted = await lead.PostFormAsync($"/lead/incidents/{id}/announce", new Dictionary<string, string>
        {
            ["Language"] = "zh",
            ["Kind"] = "ProgressUpdate",
            ["Channels"] = "BulletinBoard",
            ["Message"] = prefilled + " 预计一小时内恢复。",
        });
        var (_, after) = await lead.GetPageAsync(posted.Headers.Location!.ToString());
        var (_, english) = await lead.GetPageAsync($"/lead/incidents/{id}/announce?language=en");

        prefilled.Should().Contain("服务中断", "the category's message in Chinese is prefilled");
        posted.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var list = Parser.ParseDocument(after).QuerySelector("#announcements")!;
        list.TextContent.Should().Contain("预计一小时内恢复。").And.Contain("公告栏").And.Contain("进展通报");
        Parser.ParseDocument(english).QuerySelector("#message")!.TextContent.Should().Contain("service interruption");
        using var feed = await host.Lead.GetAsync(new Uri($"/api/incidents/{id}/announcements", UriKind.Relative));
        (await feed.Content.ReadAsStringAsync()).Should().Contain("预计一小时内恢复。");
    }

    [Fact]
    public async Task Announce_NoChannelNoMessage_ErrorsAndNothingPublished()
    {
        var id = await AcknowledgedAsync();
        using var lead = await PageClient.SignedInAsync(host.Factory, "lead");

        using var posted = await lead.PostFormAsync($"/lead/incidents/{id}/announce", new Dictionary<string, string>
        {
            ["Language"] = "en",
            ["Kind"] = "Announcement",
            ["Message"] = "",
        });
        using var feed = await host.Lead.GetAsync(new Uri($"/api/incidents/{id}/announcements", UriKind.Relative));

        posted.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var alert = Parser.ParseDocument(await posted.Content.ReadAsStringAsync()).QuerySelector("[role=alert]")!;
        alert.TextContent.Should().Contain("Choose at least one channel").And.Contain("Write the message");
        (await feed.Content.ReadAsStringAsync()).Should().Be("[]");
    }

    [Fact]
    public async Task Review_ResolveWriteReviewTrackActionAndClose_EndToEnd()
    {
        var id = await ReleaseSteps.HandlingAsync(host.Lead, grade: 2, category: "service-interruption");
        using var lead = await PageClient.SignedInAsync(host.Factory, "lead");
        var url = $"/lead/incidents/{id}/review";

        using var resolved = await lead.PostFormAsync(url + "?handler=Move", new Dictionary<string, string> { ["MoveTo"] = "Resolved" }, formPage: url);
        var (_, reviewForm) = await lead.GetPageAsync(url);
        using var closeEarly = await lead.PostFormAsync(url + "?handler=Move", new Dictionary<string, string> { ["MoveTo"] = "Closed" }, formPage: url);
        var yesterday = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using var written = await lead.PostFormAsync(url, new Dictionary<string, string>
        {
            ["WhatHappened"] = "Mail was down for two hours.",
            ["RootCause"] = "An expired certificate.",
            ["Lessons"] = "Watch certificate expiry.",
            ["Actions[0].Title"] = "Alert 30 days before expiry " + id,
            ["Actions[0].Owner"] = "m-responder",
            ["Actions[0].Due"] = yesterday,
        });
        var (_, actions) = await lead.GetPageAsync("/lead/actions");
        var actionRow = Parser.ParseDocument(actions).QuerySelectorAll("tr[data-action]").Single(r => r.TextContent.Contains(id, StringComparison.Ordinal));
        using var done = await lead.PostFormAsync("/lead/actions?handler=Done",
            new Dictionary<string, string> { ["IncidentId"] = id, ["ActionId"] = actionRow.GetAttribute("data-action")! }, formPage: "/lead/actions");
        var (_, actionsAfter) = await lead.GetPageAsync("/lead/actions");
        using var closed = await lead.PostFormAsync(url + "?handler=Move", new Dictionary<string, string> { ["MoveTo"] = "Closed" }, formPage: url);
        var (_, final) = await lead.GetPageAsync(url);

        resolved.StatusCode.Should().Be(HttpStatusCode.Redirect);
        Parser.ParseDocument(reviewForm).QuerySelector("#what-happened").Should().NotBeNull("a resolved incident gets the review form");
        closeEarly.StatusCode.Should().Be(HttpStatusCode.Conflict, "a Level 2 incident closes only after a review");
        (await closeEarly.Content.ReadAsStringAsync()).Should().Contain("cannot close without a review");
        written.StatusCode.Should().Be(HttpStatusCode.Redirect);
        actionRow.QuerySelector(".action-overdue")!.TextContent.Should().Contain("Overdue");
        done.StatusCode.Should().Be(HttpStatusCode.Redirect);
        actionsAfter.Should().NotContain("Alert 30 days before expiry " + id);
        closed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        ((string?)(await IncidentHost.GetAsync(host.Lead, id))["status"]).Should().Be("Closed");
        var finalPage = Parser.ParseDocument(final);
        finalPage.QuerySelector("#review")!.TextContent.Should().Contain("An expired certificate.").And.Contain("Done");
        finalPage.QuerySelector("#incident-status")!.TextContent.Should().Be("Closed");
    }

    [Fact]
    public async Task Review_MissingTextsAndIncompleteAction_ErrorsAndNoReview()
    {
        var id = await ReleaseSteps.ResolvedAsync(host.Lead, grade: 3);
        using var lead = await PageClient.SignedInAsync(host.Factory, "lead");

        using var posted = await lead.PostFormAsync($"/lead/incidents/{id}/review", new Dictionary<string, string>
        {
            ["WhatHappened"] = "Something",
            ["Actions[0].Title"] = "Fix it",
        });
        using var review = await host.Lead.GetAsync(new Uri($"/api/incidents/{id}/review", UriKind.Relative));

        posted.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var alert = Parser.ParseDocument(await posted.Content.ReadAsStringAsync()).QuerySelector("[role=alert]")!.TextContent;
        alert.Should().Contain("Record the root cause").And.Contain("Record the lessons").And.Contain("Action 1: choose the owner").And.Contain("Action 1: choose the due day");
        review.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("zh-CN", true)]
    [InlineData("en-US", false)]
    public async Task LeadForms_ApiRefusals_SaidInTheReaderLanguage(string language, bool chinese)
    {
        var id = await ReleaseSteps.HandlingAsync(host.Lead, grade: 3);
        using var lead = await PageClient.SignedInAsync(host.Factory, "lead", language);
        var url = $"/lead/incidents/{id}/review";

        using var tooLong = await lead.PostFormAsync($"/lead/incidents/{id}/announce", new Dictionary<string, string>
        {
            ["Language"] = "zh",
            ["Kind"] = "Announcement",
            ["Channels"] = "BulletinBoard",
            ["Message"] = new string('x', 4001),
        });
        using var notResolved = await lead.PostFormAsync(url, new Dictionary<string, string>
        {
            ["WhatHappened"] = "Mail was down.",
            ["RootCause"] = "A certificate.",
            ["Lessons"] = "Watch expiry.",
        }, formPage: $"/lead/incidents/{id}/assess");
        using var noAction = await lead.PostFormAsync("/lead/actions?handler=Done",
            new Dictionary<string, string> { ["IncidentId"] = id, ["ActionId"] = "no-such-action" }, formPage: "/lead/actions");
        using var feed = await host.Lead.GetAsync(new Uri($"/api/incidents/{id}/announcements", UriKind.Relative));

        tooLong.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        notResolved.StatusCode.Should().Be(HttpStatusCode.Conflict);
        noAction.StatusCode.Should().Be(HttpStatusCode.NotFound);
        var announceProblem = Parser.ParseDocument(await tooLong.Content.ReadAsStringAsync()).QuerySelector("#api-problem")!.TextContent;
        var reviewProblem = Parser.ParseDocument(await notResolved.Content.ReadAsStringAsync()).QuerySelector("#api-problem")!.TextContent;
        var actionProblem = Parser.ParseDocument(await noAction.Content.ReadAsStringAsync()).QuerySelector("#api-problem")!.TextContent;
        if (chinese)
        {
            announceProblem.Should().Be("请填写公告内容；最多4000个字符。");
            reviewProblem.Should().Be("事件解决后才能记录复盘；请先将事件转为“已解决”。");
            actionProblem.Should().Be("该事件没有（或已不再有）此改进措施。");
        }
        else
        {
            announceProblem.Should().Be("Write the message; at most 4000 characters.");
            reviewProblem.Should().Be("The review is recorded once the incident is resolved; move it to Resolved first.");
            actionProblem.Should().Be("This improvement action does not exist on this incident (any more).");
        }

        (await feed.Content.ReadAsStringAsync()).Should().Be("[]", "nothing was published");
    }

    [Fact]
    public async Task Review_FormWithoutAntiforgeryToken_RefusedAndStatusUnchanged()
    {
        var id = await ReleaseSteps.ResolvedAsync(host.Lead, grade: 3);
        using var lead = await PageClient.SignedInAsync(host.Factory, "lead");
        await lead.GetPageAsync($"/lead/incidents/{id}/review");

        using var forged = await lead.PostFormWithoutTokenAsync($"/lead/incidents/{id}/review?handler=Move", new Dictionary<string, string> { ["MoveTo"] = "Closed" });

        forged.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        ((string?)(await IncidentHost.GetAsync(host.Lead, id))["status"]).Should().Be("Resolved");
    }

    [Theory]
    [InlineData("assess")]
    [InlineData("announce")]
    [InlineData("review")]
    public async Task IncidentPages_EveryInputHasALabel(string page)
    {
        var id = await ReleaseSteps.ResolvedAsync(host.Lead, grade: 3);
        using var lead = await PageClient.SignedInAsync(host.Factory, "lead");

        var (status, html) = await lead.GetPageAsync($"/lead/incidents/{id}/{page}");

        status.Should().Be(HttpStatusCode.OK);
        AssertLabelled(html, minimum: 3);
    }

    [Fact]
    public async Task ApprovalsAndActions_Empty_StillLabelledAndUsable()
    {
        using var lead = await PageClient.SignedInAsync(host.Factory, "lead");

        foreach (var url in new[] { "/lead/approvals", "/lead/actions", "/lead" })
        {
            var (status, html) = await lead.GetPageAsync(url);
            status.Should().Be(HttpStatusCode.OK, url);
            AssertLabelled(html, minimum: 1);
        }
    }

    private static void AssertLabelled(string html, int minimum)
    {
        var document = Parser.ParseDocument(html);
        var inputs = document.QuerySelectorAll("input:not([type=hidden]), select, textarea").ToList();
        inputs.Should().HaveCountGreaterThanOrEqualTo(minimum);
        foreach (var input in inputs)
        {
            input.Id.Should().NotBeNullOrEmpty($"{input.OuterHtml} needs an id for its label");
            document.QuerySelector($"label[for='{input.Id}']").Should().NotBeNull($"{input.OuterHtml} needs a <label for>");
        }
    }

    private static IEnumerable<string> Links(IElement element) => element.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!);

    private async Task<string> ReportAsync(string category, string location)
    {
        var report = IncidentHost.Report(category);
        report["location"] = location;
        return (string)(await IncidentHost.ReportAsync(host.Lead, report))["id"]!;
    }

    private async Task<string> AcknowledgedAsync(string category = "personnel-safety")
    {
        var id = await ReportAsync(category, "Building C");
        (await IncidentHost.PostAsync(host.Lead, $"/api/incidents/{id}/acknowledge", new { })).Status.Should().Be(HttpStatusCode.OK);
        return id;
    }
}
