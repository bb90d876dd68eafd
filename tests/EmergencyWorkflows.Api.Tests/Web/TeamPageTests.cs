using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using EmergencyWorkflows.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace EmergencyWorkflows.Api.Tests.Web;

/// <summary>The team pages (/team): roster, members, rotations with their on-call preview, escalation policies.</summary>
[Collection(SharedHostCollection.Name)]
public class TeamPageTests(SharedHost host)
{
    private HttpClient Api => host.Client;

    private DateTimeOffset Now => host.Factory.Services.GetRequiredService<TimeProvider>().GetUtcNow();

    private static string NewId(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    // The pages read datetime-local inputs in the display zone (appsettings.json: Asia/Shanghai, UTC+8 all year).
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private static string Local(DateTimeOffset value) => TimeZoneInfo.ConvertTime(value, Shanghai).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    private static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    private async Task<string> CreateMemberAsync(string name)
    {
        var id = NewId("pm");
        using var response = await Api.PostAsJsonAsync("/api/team/members", new { id, displayName = name, roles = new[] { "responder" } });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return id;
    }

    private static void EveryInputHasALabel(IDocument document)
    {
        var inputs = document.QuerySelectorAll("main input:not([type=hidden]), main select, main textarea").ToList();
        inputs.Should().NotBeEmpty();
        foreach (var input in inputs)
        {
            input.Id.Should().NotBeNullOrEmpty($"{input.OuterHtml} needs an id for its label");
            document.QuerySelector($"label[for='{input.Id}']").Should().NotBeNull($"{input.OuterHtml} needs a <label for>");
        }
    }

    [Theory]
    [InlineData("responder")]
    [InlineData("employee")]
    [InlineData("depthead")]
    public async Task TeamPages_NotATeamLead_Forbidden(string user)
    {
        using var browser = await PageClient.SignedInAsync(host.Factory, user);

        foreach (var url in new[] { "/team", "/team/members", "/team/members/hr-lead", "/team/rotations/weekly-responders", "/team/policies/grade-1" })
        {
            var (status, html) = await browser.GetPageAsync(url);
            status.Should().Be(HttpStatusCode.Forbidden, url);
            html.Should().NotContain("13800000001").And.NotContain("wang.fang@example.com");
        }
    }

    [Fact]
    public async Task TeamPage_Lead_ShowsRosterMaskedOnCallNowAndDesignerLinks()
    {
        using var browser = await PageClient.SignedInAsync(host.Factory, "lead");

        var (status, html) = await browser.GetPageAsync("/team");
        var document = Parse(html);
        using var onCall = await Api.GetAsync("/api/team/on-call");
        var expectedOnCall = (string?)(await onCall.ReadJsonAsync()).AsArray().Single(r => (string?)r!["rotationId"] == "weekly-responders")!["memberId"];

        status.Should().Be(HttpStatusCode.OK);
        var wang = document.QuerySelector("#roster tr[data-member='hr-lead']")!;
        wang.TextContent.Should().Contain("王芳").And.Contain("138****0001").And.Contain("w***@example.com");
        html.Should().NotContain("13800000001").And.NotContain("wang.fang@example.com");
        document.QuerySelector("#oncall-now li[data-rotation='weekly-responders'] strong")!.GetAttribute("data-member").Should().Be(expectedOnCall);
        document.QuerySelector("main a[href='/studio/']").Should().NotBeNull();
        document.QuerySelector("main a[href='/hangfire']").Should().NotBeNull();
        document.QuerySelector("#policies tr[data-policy='grade-1']")!.TextContent.Should().Contain("Level 1 (major)");
    }

    [Fact]
    public async Task TeamPage_Chinese_UsesThePlansTerms()
    {
        using var browser = await PageClient.SignedInAsync(host.Factory, "lead", "zh-CN");

        var (_, html) = await browser.GetPageAsync("/team");
        var (_, policy) = await browser.GetPageAsync("/team/policies/grade-1");

        html.Should().Contain("应急小组").And.Contain("一级（重大）事件").And.Contain("值班轮换");
        policy.Should().Contain("第 1 层").And.Contain("角色");
    }

    [Fact]
    public async Task MemberEditPage_Lead_ShowsFullContactsAndEveryInputHasALabel()
    {
        using var browser = await PageClient.SignedInAsync(host.Factory, "lead");

        var (status, html) = await browser.GetPageAsync("/team/members/hr-lead");
        var document = Parse(html);

        status.Should().Be(HttpStatusCode.OK);
        document.QuerySelector("#f-Phone")!.GetAttribute("value").Should().Be("13800000001");
        document.QuerySelector("#f-Email")!.GetAttribute("value").Should().Be("wang.fang@example.com");
        document.QuerySelector("#f-im-WeCom")!.GetAttribute("value").Should().Be("wangfang");
        document.QuerySelectorAll("input[name='Input.Roles'][checked]").Select(i => i.GetAttribute("value")).Should().BeEquivalentTo("team-lead", "admin");
        EveryInputHasALabel(document);
    }

    [Fact]
    public async Task MemberForm_BadInput_ErrorsBesideEachFieldAndNothingStored()
    {
        using var browser = await PageClient.SignedInAsync(host.Factory, "lead");
        var id = NewId("bad");

        using var response = await browser.PostFormAsync("/team/members", new Dictionary<string, string>
        {
            ["Input.Id"] = id,
            ["Input.DisplayName"] = " ",
            ["Input.Phone"] = "12ab",
            ["Input.Email"] = "not-an-email",
        });
        var document = Parse(await response.Content.ReadAsStringAsync());
        using var stored = await Api.GetAsync($"/api/team/members/{id}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        document.QuerySelector("[role=alert]#error-summary")!.QuerySelectorAll("li").Should().HaveCount(4);
        document.QuerySelector("#f-DisplayName-error")!.TextContent.Should().Be("Enter the member's name.");
        document.QuerySelector("#f-Phone-error")!.TextContent.Should().Contain("5 to 20 digits");
        document.QuerySelector("#f-Email-error")!.TextContent.Should().Contain("email address");
        document.QuerySelector("#f-Roles-error")!.TextContent.Should().Be("Choose at least one role.");
        document.QuerySelector("#f-Email")!.GetAttribute("aria-invalid").Should().Be("true");
        document.QuerySelector("#f-Email")!.GetAttribute("value").Should().Be("not-an-email", "what was typed stays");
        stored.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task MemberForm_GoodInput_StoredInTheApiAndListedMasked()
    {
        using var browser = await PageClient.SignedInAsync(host.Factory, "lead");
        var id = NewId("good");

        using var response = await browser.PostFormAsync("/team/members", new Dictionary<string, string>
        {
            ["Input.Id"] = id,
            ["Input.DisplayName"] = "赵六 (Zhao Liu)",
            ["Input.Department"] = "IT",
            ["Input.Roles[0]"] = "responder",
            ["Input.Roles[1]"] = "department-head",
            ["Input.Phone"] = "13912345678",
            ["Input.Email"] = "zhao.liu@example.com",
            ["Input.Im[DingTalk]"] = "ding-zhaoliu",
            ["Input.Im[WeCom]"] = "",
        });
        using var stored = await Api.GetAsync($"/api/team/members/{id}");
        var member = (await stored.ReadJsonAsync()).AsObject();
        var (_, team) = await browser.GetPageAsync("/team");
        var row = Parse(team).QuerySelector($"#roster tr[data-member='{id}']")!;

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Be("/team");
        stored.StatusCode.Should().Be(HttpStatusCode.OK);
        ((string?)member["displayName"]).Should().Be("赵六 (Zhao Liu)");
        member["roles"]!.AsArray().Select(r => (string?)r).Should().Equal("department-head", "responder");
        ((string?)member["phone"]).Should().Be("13912345678");
        member["imAccounts"]!.AsObject().Select(a => (a.Key, (string?)a.Value)).Should().Equal(("DingTalk", "ding-zhaoliu"));
        row.TextContent.Should().Contain("139****5678").And.Contain("z***@example.com").And.NotContain("13912345678");
        Parse(team).QuerySelector("#team-notice")!.TextContent.Should().Be("The team member is saved.");
    }

    [Fact]
    public async Task MemberForm_WithoutAntiforgeryToken_RefusedAndNothingStored()
    {
        using var browser = await PageClient.SignedInAsync(host.Factory, "lead");
        await browser.GetPageAsync("/team/members");
        var id = NewId("csrf");

        using var forged = await browser.PostFormWithoutTokenAsync("/team/members", new Dictionary<string, string>
        {
            ["Input.Id"] = id,
            ["Input.DisplayName"] = "Forged",
            ["Input.Roles[0]"] = "admin",
        });
        using var stored = await Api.GetAsync($"/api/team/members/{id}");

        forged.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        stored.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task MemberRemove_StillInARotation_RefusedWithTheReason()
    {
        using var browser = await PageClient.SignedInAsync(host.Factory, "lead");

        using var response = await browser.PostFormAsync("/team/members/responder-zhang?handler=Delete", new Dictionary<string, string>(), "/team/members/responder-zhang");
        var document = Parse(await response.Content.ReadAsStringAsync());
        using var stored = await Api.GetAsync("/api/team/members/responder-zhang");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        document.QuerySelector("#f-Remove-error")!.TextContent.Should().Contain("cannot be removed").And.Contain("still named in rotation 'weekly-responders'").And.Contain("deactivate");
        stored.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task RotationForm_EditTurnOrder_OnCallPreviewChanges()
    {
        using var browser = await PageClient.SignedInAsync(host.Factory, "lead");
        var first = await CreateMemberAsync("First 甲");
        var second = await CreateMemberAsync("Second 乙");
        var id = NewId("rot");
        // Long shifts starting an hour ago: the first in turn order is on call for the whole preview.
        var anchor = Now.AddHours(-1);

        using var created = await browser.PostFormAsync("/team/rotations", new Dictionary<string, string>
        {
            ["Input.Id"] = id,
            ["Input.Name"] = "Page rotation",
            ["Input.Anchor"] = Local(anchor),
            ["Input.PeriodHours"] = "1000",
            [$"Input.Turns[{first}]"] = "1",
            [$"Input.Turns[{second}]"] = "2",
        });
        var (_, before) = await browser.GetPageAsync($"/team/rotations/{id}");
        using var edited = await browser.PostFormAsync($"/team/rotations/{id}", new Dictionary<string, string>
        {
            ["Input.Name"] = "Page rotation",
            ["Input.Anchor"] = Local(anchor),
            ["Input.PeriodHours"] = "1000",
            [$"Input.Turns[{first}]"] = "2",
            [$"Input.Turns[{second}]"] = "1",
        });
        var (_, after) = await browser.GetPageAsync($"/team/rotations/{id}");
        using var stored = await Api.GetAsync($"/api/team/rotations/{id}");
        var rotation = (await stored.ReadJsonAsync()).AsObject();

        created.StatusCode.Should().Be(HttpStatusCode.Redirect);
        created.Headers.Location!.ToString().Should().Be($"/team/rotations/{id}");
        edited.StatusCode.Should().Be(HttpStatusCode.Redirect);
        Parse(before).QuerySelectorAll("#preview tbody tr").Select(r => r.GetAttribute("data-member")).Should().Equal(first);
        Parse(after).QuerySelectorAll("#preview tbody tr").Select(r => r.GetAttribute("data-member")).Should().Equal(second);
        rotation["memberIds"]!.AsArray().Select(m => (string?)m).Should().Equal(second, first);
        ((string?)rotation["onCallNow"]).Should().Be(second);
        EveryInputHasALabel(Parse(after));
    }

    [Fact]
    public async Task RotationForm_LeaveAndSwap_ShowInThePreview()
    {
        using var browser = await PageClient.SignedInAsync(host.Factory, "lead");
        var first = await CreateMemberAsync("Alpha");
        var second = await CreateMemberAsync("Beta");
        var stand = await CreateMemberAsync("Gamma");
        var id = NewId("rot");
        var now = Now;
        using (var create = await Api.PostAsJsonAsync("/api/team/rotations", new
        {
            id,
            memberIds = new[] { first, second },
            handoffAnchor = now.AddHours(-1),
            period = TimeSpan.FromDays(30),
        }))
        {
            create.StatusCode.Should().Be(HttpStatusCode.Created);
        }

        var leaveFrom = now.AddDays(1);
        using var leave = await browser.PostFormAsync($"/team/rotations/{id}?handler=AddPeriod", new Dictionary<string, string>
        {
            ["Period.Kind"] = "leave",
            ["Period.MemberId"] = first,
            ["Period.From"] = Local(leaveFrom),
            ["Period.Until"] = Local(leaveFrom.AddDays(1)),
        }, $"/team/rotations/{id}");
        using var swap = await browser.PostFormAsync($"/team/rotations/{id}?handler=AddPeriod", new Dictionary<string, string>
        {
            ["Period.Kind"] = "override",
            ["Period.MemberId"] = stand,
            ["Period.From"] = Local(leaveFrom.AddDays(3)),
            ["Period.Until"] = Local(leaveFrom.AddDays(4)),
        }, $"/team/rotations/{id}");
        using var backwards = await browser.PostFormAsync($"/team/rotations/{id}?handler=AddPeriod", new Dictionary<string, string>
        {
            ["Period.Kind"] = "leave",
            ["Period.MemberId"] = first,
            ["Period.From"] = Local(leaveFrom),
            ["Period.Until"] = Local(leaveFrom.AddHours(-2)),
        }, $"/team/rotations/{id}");
        var backwardsPage = Parse(await backwards.Content.ReadAsStringAsync());
        var (_, html) = await browser.GetPageAsync($"/team/rotations/{id}");

        leave.StatusCode.Should().Be(HttpStatusCode.Redirect);
        swap.StatusCode.Should().Be(HttpStatusCode.Redirect);
        backwards.StatusCode.Should().Be(HttpStatusCode.OK);
        backwardsPage.QuerySelector("#f-PeriodUntil-error")!.TextContent.Should().Be("The end must be after the start.");
        Parse(html).QuerySelectorAll("#preview tbody tr").Select(r => r.GetAttribute("data-member"))
            .Should().Equal(first, second, first, stand, first);
        Parse(html).QuerySelectorAll("#periods li").Select(l => l.GetAttribute("data-kind")).Should().Equal("leave", "override");
    }

    [Fact]
    public async Task RotationRemove_TargetOfAPolicyOrNot_RefusedWithTheReasonOrDeleted()
    {
        using var browser = await PageClient.SignedInAsync(host.Factory, "lead");
        var member = await CreateMemberAsync("Delta");
        var id = NewId("rot");
        using (var create = await Api.PostAsJsonAsync("/api/team/rotations", new { id, memberIds = new[] { member }, handoffAnchor = Now, period = TimeSpan.FromDays(7) }))
        {
            create.StatusCode.Should().Be(HttpStatusCode.Created);
        }

        using var refused = await browser.PostFormAsync("/team/rotations/weekly-responders?handler=Delete", new Dictionary<string, string>(), "/team/rotations/weekly-responders");
        var refusedPage = Parse(await refused.Content.ReadAsStringAsync());
        using var kept = await Api.GetAsync("/api/team/rotations/weekly-responders");
        using var deleted = await browser.PostFormAsync($"/team/rotations/{id}?handler=Delete", new Dictionary<string, string>(), $"/team/rotations/{id}");
        using var gone = await Api.GetAsync($"/api/team/rotations/{id}");

        refused.StatusCode.Should().Be(HttpStatusCode.OK);
        refusedPage.QuerySelector("#f-Remove-error")!.TextContent.Should().Contain("escalation policy").And.Contain("grade-1");
        kept.StatusCode.Should().Be(HttpStatusCode.OK);
        deleted.StatusCode.Should().Be(HttpStatusCode.Redirect);
        gone.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task RotationForm_BadInput_ErrorsAndNothingStored()
    {
        using var browser = await PageClient.SignedInAsync(host.Factory, "lead");
        var id = NewId("rot");

        using var response = await browser.PostFormAsync("/team/rotations", new Dictionary<string, string>
        {
            ["Input.Id"] = id,
            ["Input.Anchor"] = Local(Now),
            ["Input.PeriodHours"] = "0",
        });
        var document = Parse(await response.Content.ReadAsStringAsync());
        using var stored = await Api.GetAsync($"/api/team/rotations/{id}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        document.QuerySelector("#f-Turns-error")!.TextContent.Should().Contain("at least one team member");
        document.QuerySelector("#f-PeriodHours-error")!.TextContent.Should().Contain("greater than 0");
        stored.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PolicyForm_CreateThenAddATier_StoredWithANewVersion()
    {
        using var browser = await PageClient.SignedInAsync(host.Factory, "lead");
        var id = NewId("pol");

        using var created = await browser.PostFormAsync("/team/policies", new Dictionary<string, string>
        {
            ["Input.Id"] = id,
            ["Input.Name"] = "Page policy",
            ["Input.Tiers[0].DelayMinutes"] = "0",
            ["Input.Tiers[0].RepeatCount"] = "2",
            ["Input.Tiers[0].RepeatIntervalMinutes"] = "3",
            ["Input.Tiers[0].Targets[0]"] = "rotation:weekly-responders",
            ["Input.Tiers[0].Targets[1]"] = "person:hr-lead",
        });
        var (_, edit) = await browser.GetPageAsync($"/team/policies/{id}");
        var editPage = Parse(edit);
        using var edited = await browser.PostFormAsync($"/team/policies/{id}", new Dictionary<string, string>
        {
            ["Input.Name"] = "Page policy",
            ["Input.Tiers[0].DelayMinutes"] = "0",
            ["Input.Tiers[0].RepeatCount"] = "2",
            ["Input.Tiers[0].RepeatIntervalMinutes"] = "3",
            ["Input.Tiers[0].Targets[0]"] = "rotation:weekly-responders",
            ["Input.Tiers[0].Targets[1]"] = "person:hr-lead",
            ["Input.Tiers[1].DelayMinutes"] = "10",
            ["Input.Tiers[1].Targets[0]"] = "whole-team",
        });
        using var stored = await Api.GetAsync($"/api/team/policies/{id}");
        var policy = (await stored.ReadJsonAsync()).AsObject();

        created.StatusCode.Should().Be(HttpStatusCode.Redirect);
        editPage.QuerySelectorAll("input[name='Input.Tiers[0].Targets'][checked]").Select(i => i.GetAttribute("value"))
            .Should().BeEquivalentTo("rotation:weekly-responders", "person:hr-lead");
        editPage.QuerySelector("#t1-delay")!.GetAttribute("value").Should().BeNullOrEmpty("one blank tier to add");
        EveryInputHasALabel(editPage);
        edited.StatusCode.Should().Be(HttpStatusCode.Redirect);
        ((int?)policy["version"]).Should().Be(2);
        var tiers = policy["tiers"]!.AsArray();
        tiers.Should().HaveCount(2);
        ((string?)tiers[0]!["repeatInterval"]).Should().Be("00:03:00");
        ((int?)tiers[0]!["repeatCount"]).Should().Be(2);
        ((string?)tiers[1]!["delay"]).Should().Be("00:10:00");
        ((string?)tiers[1]!["targets"]![0]!["kind"]).Should().Be("whole-team");
    }

    [Fact]
    public async Task PolicyForm_TierWithoutTargets_ErrorOnThatTierAndPolicyUnchanged()
    {
        using var browser = await PageClient.SignedInAsync(host.Factory, "lead");
        using var before = await Api.GetAsync("/api/team/policies/grade-3");
        var version = (int?)(await before.ReadJsonAsync())["version"];

        using var response = await browser.PostFormAsync("/team/policies/grade-3", new Dictionary<string, string>
        {
            ["Input.Name"] = "Grade 3",
            ["Input.Tiers[0].DelayMinutes"] = "0",
            ["Input.Tiers[0].Targets[0]"] = "rotation:weekly-responders",
            ["Input.Tiers[1].DelayMinutes"] = "30",
            ["Input.Tiers[2].DelayMinutes"] = "abc",
            ["Input.Tiers[2].Targets[0]"] = "whole-team",
        });
        var document = Parse(await response.Content.ReadAsStringAsync());
        using var after = await Api.GetAsync("/api/team/policies/grade-3");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        document.QuerySelector("#f-Tier2-error")!.TextContent.Should().Contain("Tier 3").And.Contain("numbers");
        document.QuerySelector("[role=alert]").Should().NotBeNull();
        ((int?)(await after.ReadJsonAsync())["version"]).Should().Be(version);

        using var second = await browser.PostFormAsync("/team/policies/grade-3", new Dictionary<string, string>
        {
            ["Input.Name"] = "Grade 3",
            ["Input.Tiers[0].DelayMinutes"] = "0",
            ["Input.Tiers[0].Targets[0]"] = "rotation:weekly-responders",
            ["Input.Tiers[1].DelayMinutes"] = "30",
        });
        var secondPage = Parse(await second.Content.ReadAsStringAsync());
        using var unchanged = await Api.GetAsync("/api/team/policies/grade-3");

        second.StatusCode.Should().Be(HttpStatusCode.OK);
        secondPage.QuerySelector("#f-Tier1-error")!.TextContent.Should().Be("Tier 2: choose at least one target.");
        ((int?)(await unchanged.ReadJsonAsync())["version"]).Should().Be(version);
    }

    [Fact]
    public async Task RotationForm_AnchorEnteredInTheDisplayZone_StoredAsUtcAndShownInTheDisplayZone()
    {
        using var browser = await PageClient.SignedInAsync(host.Factory, "lead");
        var member = await CreateMemberAsync("Zone 时区");
        var id = NewId("rot");

        using var created = await browser.PostFormAsync("/team/rotations", new Dictionary<string, string>
        {
            ["Input.Id"] = id,
            ["Input.Name"] = "Zone rotation",
            ["Input.Anchor"] = "2026-03-02T09:00",
            ["Input.PeriodHours"] = "24",
            [$"Input.Turns[{member}]"] = "1",
        });
        using var stored = await Api.GetAsync($"/api/team/rotations/{id}");
        var rotation = (await stored.ReadJsonAsync()).AsObject();
        var (_, html) = await browser.GetPageAsync($"/team/rotations/{id}");
        var document = Parse(html);

        created.StatusCode.Should().Be(HttpStatusCode.Redirect);
        rotation["handoffAnchor"]!.GetValue<DateTimeOffset>().Should().Be(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero), "09:00 in Shanghai is 01:00 UTC");
        document.QuerySelector("#f-Anchor")!.GetAttribute("value").Should().Be("2026-03-02T09:00", "the form shows the display zone again");
        document.QuerySelector("label[for='f-Anchor']")!.TextContent.Should().Contain("Asia/Shanghai");
        var first = document.QuerySelector("#preview tbody tr time")!;
        first.GetAttribute("datetime").Should().EndWith("Z");
        first.HasAttribute("data-local").Should().BeTrue("site.js rewrites it into the reader's zone");
        var instant = DateTimeOffset.Parse(first.GetAttribute("datetime")!, CultureInfo.InvariantCulture);
        first.TextContent.Should().Be(TimeZoneInfo.ConvertTime(instant, Shanghai).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC+08:00");
        html.Should().NotContain(" UTC<", "no page writes bare UTC times any more");
    }

    [Fact]
    public async Task TeamPage_DeactivatedMember_ListedApartAndNotInTheRosterTable()
    {
        using var browser = await PageClient.SignedInAsync(host.Factory, "lead");
        var member = await CreateMemberAsync("Leaver 离职");
        var (_, memberPage) = await browser.GetPageAsync($"/team/members/{member}");

        using var deactivate = await browser.PostFormAsync($"/team/members/{member}?handler=Deactivate",
            new Dictionary<string, string> { ["Reason"] = "Left the company" }, $"/team/members/{member}");
        var (_, html) = await browser.GetPageAsync("/team");
        var document = Parse(html);
        var (_, fragment) = await browser.GetPageAsync("/team?handler=Fragment");
        var (_, after) = await browser.GetPageAsync($"/team/members/{member}");

        Parse(memberPage).QuerySelector("#deactivate-member").Should().NotBeNull();
        deactivate.StatusCode.Should().Be(HttpStatusCode.Redirect);
        document.QuerySelector($"#roster tr[data-member='{member}']").Should().BeNull("a deactivated member is not in the active roster");
        var apart = document.QuerySelector($"#inactive-members li[data-member='{member}']")!;
        apart.TextContent.Should().Contain("Leaver 离职").And.Contain("Deactivated by lead");
        apart.QuerySelector("time")!.GetAttribute("datetime").Should().EndWith("Z");
        document.QuerySelector("#team-live")!.GetAttribute("data-live-src").Should().Be("/team?handler=Fragment");
        Parse(fragment).QuerySelector($"#inactive-members li[data-member='{member}']").Should().NotBeNull("the live fragment carries the roster");
        Parse(after).QuerySelector("#member-status")!.GetAttribute("data-active").Should().Be("false");
        Parse(after).QuerySelector("#deactivated-by")!.TextContent.Should().Contain("Left the company");
        Parse(after).QuerySelector("#reactivate-member").Should().NotBeNull();
        EveryInputHasALabel(Parse(memberPage));
    }

    [Fact]
    public async Task MemberPage_RemoveAMemberInHistory_RefusedWithTheReasonAndKept()
    {
        using var browser = await PageClient.SignedInAsync(host.Factory, "lead");
        var member = await CreateMemberAsync("History 历史");
        using (var scope = host.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EmergencyWorkflows.Persistence.WorkflowsDbContext>();
            db.InboxItems.Add(new EmergencyWorkflows.Persistence.Notifications.InboxItemRecord
            {
                Id = NewId("inbox"),
                RecipientId = member,
                IncidentId = NewId("inc"),
                Subject = "s",
                Text = "t",
                AckUrl = "http://localhost/ack",
                CreatedAt = Now,
            });
            await db.SaveChangesAsync();
        }

        using var remove = await browser.PostFormAsync($"/team/members/{member}?handler=Delete", new Dictionary<string, string>(), $"/team/members/{member}");
        var page = Parse(await remove.Content.ReadAsStringAsync());
        using var still = await Api.GetAsync($"/api/team/members/{member}");

        remove.StatusCode.Should().Be(HttpStatusCode.OK);
        page.QuerySelector("#f-Remove")!.TextContent.Should().Contain("1 inbox item(s)").And.Contain("deactivate");
        still.StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
