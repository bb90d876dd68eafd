using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using EmergencyWorkflows.Api.Tests.Feedback;
using EmergencyWorkflows.Api.Tests.Incidents;
using EmergencyWorkflows.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EmergencyWorkflows.Api.Tests.Web;

/// <summary>The employee's pages: /report, /my/reports, /announcements, /my/reports/{id}/feedback, /suggestions.</summary>
[Collection(SharedHostCollection.Name)]
public class EmployeePageTests(SharedHost host)
{
    private const string Script = "<script>alert('pwned')</script>";

    [Fact]
    public async Task ReportPage_ChineseBrowser_ChineseLabelsForEveryInput()
    {
        using var browser = await PageClient.SignedInAsync(host.Factory, "employee", "zh-CN,zh;q=0.9");

        var (status, html) = await browser.GetPageAsync("/report");

        status.Should().Be(HttpStatusCode.OK);
        var document = new HtmlParser().ParseDocument(html);
        document.DocumentElement.GetAttribute("lang").Should().Be("zh-CN");
        document.QuerySelector("h1")!.TextContent.Should().Be("报告事件");
        Label(document, "occurredAt").Should().Be("发生时间");
        Label(document, "location").Should().Be("发生地点");
        Label(document, "initialSituation").Should().Be("初步情况");
        Label(document, "category").Should().Be("事件性质");
        document.QuerySelectorAll("#category option").Select(o => o.TextContent)
            .Should().Contain(["人员安全类", "服务中断类", "投诉与纠纷类"]).And.Contain(o => o.StartsWith("不确定", StringComparison.Ordinal));
        document.QuerySelector("main")!.TextContent.Should().Contain("5分钟");
        EveryInputHasALabel(document);
    }

    [Fact]
    public async Task ReportPage_Employee_ReporterFromIdentityAndNoChannelChoiceEvenWhenAsked()
    {
        using var browser = await PageClient.SignedInAsync(host.Factory, "employee");

        var (_, html) = await browser.GetPageAsync("/report?onBehalf=true");

        var document = new HtmlParser().ParseDocument(html);
        document.QuerySelector<IHtmlInputElement>("#reporterName")!.Value.Should().Be("Employee (dev)");
        document.QuerySelector<IHtmlInputElement>("#reporterImAccount")!.Value.Should().Be("employee");
        document.QuerySelector("#channel").Should().BeNull("only an operator picks the channel");
        document.QuerySelector("a[href='/report?onBehalf=true']").Should().BeNull();
    }

    [Fact]
    public async Task Report_ValidForm_StoredAndConfirmedWithNumberGradeAndFiveMinutes()
    {
        using var browser = await PageClient.SignedInAsync(host.Factory, "employee");
        var place = FeedbackSteps.UniquePlace("Building C lobby");

        using var response = await PostReportAsync(browser, ValidForm(place, "Water on the floor; a colleague fell.", casualties: "1"));
        var (status, html) = await browser.GetPageAsync(response.Headers.Location!.ToString());

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var stored = await FeedbackSteps.ReadDbAsync(host.Factory, db => db.Incidents.SingleAsync(i => i.Location == place));
        response.Headers.Location!.ToString().Should().Be($"/report/{stored.Id}/done");
        stored.ReportedBy.Should().Be("employee");
        stored.Channel.Should().Be("Web");
        stored.ReporterName.Should().Be("Employee (dev)");
        stored.Casualties.Should().Be(1);
        stored.OccurredAt.Should().BeCloseTo(DateTimeOffset.UtcNow.AddMinutes(-5), TimeSpan.FromMinutes(2), "the browser's offset (-480 min) is applied");
        status.Should().Be(HttpStatusCode.OK);
        var document = new HtmlParser().ParseDocument(html);
        document.QuerySelector(".incident-number")!.TextContent.Should().Be(stored.Id);
        document.QuerySelector(".suggested-grade")!.TextContent.Should().Be("Level 1 (major)", "a casualty suggests Level 1");
        document.QuerySelector(".sla-promise")!.TextContent.Should().Contain("within 5 minutes");
        document.QuerySelector($"a[href='/incidents/{stored.Id}']").Should().NotBeNull();
    }

    [Fact]
    public async Task Report_MissingFields_ErrorsNextToEachFieldAndNothingStored()
    {
        using var browser = await PageClient.SignedInAsync(host.Factory, "employee");
        var marker = "Unfinished report " + Guid.NewGuid().ToString("N");
        var form = ValidForm(string.Empty, marker);
        form["ReporterName"] = string.Empty;

        using var response = await PostReportAsync(browser, form);
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var document = new HtmlParser().ParseDocument(html);
        document.QuerySelector("#location-error")!.TextContent.Should().Contain("required");
        document.QuerySelector("#reporterName-error")!.TextContent.Should().Contain("required");
        document.QuerySelector("#location")!.GetAttribute("aria-invalid").Should().Be("true");
        document.QuerySelector("#location")!.GetAttribute("aria-describedby").Should().Be("location-error");
        var summary = document.QuerySelector("[role=alert]#error-summary");
        summary.Should().NotBeNull();
        summary!.QuerySelectorAll("a[href='#location'], a[href='#reporterName']").Should().HaveCount(2);
        document.QuerySelector<IHtmlTextAreaElement>("#initialSituation")!.Value.Should().Be(marker, "what was typed is kept");
        (await FeedbackSteps.ReadDbAsync(host.Factory, db => db.Incidents.AnyAsync(i => i.InitialSituation == marker))).Should().BeFalse();
    }

    [Fact]
    public async Task Report_ScriptInText_RefusedAndEchoedInert()
    {
        using var browser = await PageClient.SignedInAsync(host.Factory, "employee");
        var place = FeedbackSteps.UniquePlace("Server room");

        using var response = await PostReportAsync(browser, ValidForm(place, Script));
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        html.Should().NotContain(Script);
        var document = new HtmlParser().ParseDocument(html);
        document.QuerySelectorAll("script").Should().OnlyContain(s => s.HasAttribute("src"), "no script from the input runs");
        document.QuerySelector<IHtmlTextAreaElement>("#initialSituation")!.Value.Should().Be(Script, "shown back as text");
        document.QuerySelector("#initialSituation-error")!.TextContent.Should().Contain("markup");
        (await FeedbackSteps.ReadDbAsync(host.Factory, db => db.Incidents.AnyAsync(i => i.Location == place))).Should().BeFalse();
    }

    [Fact]
    public async Task Report_WithoutAntiforgeryToken_RefusedAndNothingStored()
    {
        using var browser = await PageClient.SignedInAsync(host.Factory, "employee");
        var place = FeedbackSteps.UniquePlace("Forged");

        using var response = await browser.PostFormWithoutTokenAsync("/report", ValidForm(place, "Forged report"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await FeedbackSteps.ReadDbAsync(host.Factory, db => db.Incidents.AnyAsync(i => i.Location == place))).Should().BeFalse();
    }

    [Fact]
    public async Task Report_OperatorOnBehalf_StoresTheChannelAndTheOtherPersonAsReporter()
    {
        using var browser = await PageClient.SignedInAsync(host.Factory, "responder");
        var place = FeedbackSteps.UniquePlace("Warehouse");
        var (_, page) = await browser.GetPageAsync("/report?onBehalf=true");
        var form = ValidForm(place, "Caller says the shelf collapsed.");
        form["OnBehalf"] = "true";
        form["Channel"] = "Phone";
        form["ReporterName"] = "Li Lei";
        form["ReporterImAccount"] = string.Empty;
        form["ReporterPhone"] = "13900001111";

        using var response = await PostReportAsync(browser, form, "/report?onBehalf=true");

        new HtmlParser().ParseDocument(page).QuerySelectorAll("#channel option").Select(o => o.GetAttribute("value"))
            .Should().Equal("Phone", "InstantMessage", "Written");
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var stored = await FeedbackSteps.ReadDbAsync(host.Factory, db => db.Incidents.SingleAsync(i => i.Location == place));
        stored.Channel.Should().Be("Phone");
        stored.ReporterName.Should().Be("Li Lei");
        stored.ReporterPhone.Should().Be("13900001111");
        stored.ReportedBy.Should().Be("responder");
    }

    [Fact]
    public async Task Report_EmployeeSendsAChannel_StoredAsWeb()
    {
        using var browser = await PageClient.SignedInAsync(host.Factory, "employee2");
        var place = FeedbackSteps.UniquePlace("Annex");
        var form = ValidForm(place, "Printer smoke.");
        form["OnBehalf"] = "true";
        form["Channel"] = "Written";

        using var response = await PostReportAsync(browser, form);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await FeedbackSteps.ReadDbAsync(host.Factory, db => db.Incidents.SingleAsync(i => i.Location == place))).Channel.Should().Be("Web");
    }

    [Fact]
    public async Task Report_Attachments_AcceptedFileStoredAndRefusedTypeShownAtTheField()
    {
        using var browser = await PageClient.SignedInAsync(host.Factory, "employee");
        var good = FeedbackSteps.UniquePlace("Photo");
        var bad = FeedbackSteps.UniquePlace("Program");

        using var accepted = await PostReportAsync(browser, ValidForm(good, "See the note."), files: [("note.txt", "text/plain", "The door is jammed.")]);
        using var refused = await PostReportAsync(browser, ValidForm(bad, "See the program."), files: [("tool.exe", "application/x-msdownload", "MZ")]);
        var html = await refused.Content.ReadAsStringAsync();

        accepted.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var attachment = await FeedbackSteps.ReadDbAsync(host.Factory, async db =>
        {
            var id = (await db.Incidents.SingleAsync(i => i.Location == good)).Id;
            return await db.IncidentAttachments.SingleAsync(a => a.IncidentId == id);
        });
        attachment.FileName.Should().Be("note.txt");
        Encoding.UTF8.GetString(attachment.Content).Should().Be("The door is jammed.");
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        new HtmlParser().ParseDocument(html).QuerySelector("#attachments-error")!.TextContent.Should().Contain("application/x-msdownload");
        (await FeedbackSteps.ReadDbAsync(host.Factory, db => db.Incidents.AnyAsync(i => i.Location == bad))).Should().BeFalse();
    }

    [Fact]
    public async Task MyReports_Employee_OwnReportsWithProgressAndNoneOfAnotherEmployees()
    {
        var mine = FeedbackSteps.UniquePlace("Mine");
        var theirs = FeedbackSteps.UniquePlace("Theirs");
        var id = await FeedbackSteps.ReportAsAsync(host.Factory, "employee", mine);
        await FeedbackSteps.ReportAsAsync(host.Factory, "employee2", theirs);
        using var lead = host.Factory.CreateClientAs("lead");
        (await IncidentHost.PostAsync(lead, $"/api/incidents/{id}/acknowledge", new { })).Status.Should().Be(HttpStatusCode.OK);
        using var browser = await PageClient.SignedInAsync(host.Factory, "employee", "zh-CN");

        var (status, html) = await browser.GetPageAsync("/my/reports");
        var (_, fragment) = await browser.GetPageAsync("/my/reports?handler=Fragment");

        status.Should().Be(HttpStatusCode.OK);
        html.Should().Contain(mine).And.NotContain(theirs);
        var card = new HtmlParser().ParseDocument(html).QuerySelector($"[data-incident='{id}']")!;
        card.QuerySelector(".status")!.TextContent.Should().Be("响应中");
        card.QuerySelector(".progress")!.TextContent.Should().Contain("最新进展");
        card.QuerySelector($"a[href='/incidents/{id}']").Should().NotBeNull();
        card.QuerySelector($"a[href='/my/reports/{id}/feedback']").Should().BeNull("feedback opens once handled");
        fragment.Should().Contain(mine).And.NotContain(theirs).And.NotContain("<html");
    }

    [Fact]
    public async Task FeedbackPage_BeforeResolved_RefusedOnPageAndByPost()
    {
        var id = await FeedbackSteps.ReportAsAsync(host.Factory, "employee", FeedbackSteps.UniquePlace("Early"));
        using var browser = await PageClient.SignedInAsync(host.Factory, "employee");

        var (status, html) = await browser.GetPageAsync($"/my/reports/{id}/feedback");
        using var post = await browser.PostFormAsync($"/my/reports/{id}/feedback",
            new Dictionary<string, string> { ["Satisfaction"] = "5" }, formPage: "/suggestions");

        status.Should().Be(HttpStatusCode.OK);
        var document = new HtmlParser().ParseDocument(html);
        document.QuerySelector("#feedback-refused")!.TextContent.Should().Contain("once the incident has been handled");
        document.QuerySelector("input[name=Satisfaction]").Should().BeNull();
        post.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await FeedbackSteps.ReadDbAsync(host.Factory, db => db.EmployeeFeedback.AnyAsync(f => f.IncidentId == id))).Should().BeFalse();
    }

    [Fact]
    public async Task FeedbackPage_SomeoneElsesIncident_NotFoundAndNothingStored()
    {
        var id = await FeedbackSteps.ReportAsAsync(host.Factory, "employee", FeedbackSteps.UniquePlace("Private"));
        await FeedbackSteps.ResolveAsync(host.Factory, id);
        using var other = await PageClient.SignedInAsync(host.Factory, "employee2");

        var (status, html) = await other.GetPageAsync($"/my/reports/{id}/feedback");
        using var post = await other.PostFormAsync($"/my/reports/{id}/feedback",
            new Dictionary<string, string> { ["Satisfaction"] = "1", ["Comments"] = "Not mine" }, formPage: "/suggestions");

        status.Should().Be(HttpStatusCode.NotFound);
        html.Should().NotContain("Private");
        post.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await FeedbackSteps.ReadDbAsync(host.Factory, db => db.EmployeeFeedback.AnyAsync(f => f.IncidentId == id))).Should().BeFalse();
    }

    [Fact]
    public async Task FeedbackPage_ResolvedIncident_SavedShownInertAndListedOnMyReports()
    {
        var id = await FeedbackSteps.ReportAsAsync(host.Factory, "employee", FeedbackSteps.UniquePlace("Handled"));
        await FeedbackSteps.ResolveAsync(host.Factory, id);
        using var browser = await PageClient.SignedInAsync(host.Factory, "employee");
        var (_, list) = await browser.GetPageAsync("/my/reports");

        using var missing = await browser.PostFormAsync($"/my/reports/{id}/feedback", new Dictionary<string, string> { ["Comments"] = "no score" });
        using var saved = await browser.PostFormAsync($"/my/reports/{id}/feedback",
            new Dictionary<string, string> { ["Satisfaction"] = "4", ["Comments"] = Script });
        var (_, after) = await browser.GetPageAsync(saved.Headers.Location!.ToString());
        var (_, listAfter) = await browser.GetPageAsync("/my/reports");

        new HtmlParser().ParseDocument(list).QuerySelector($"a[href='/my/reports/{id}/feedback']").Should().NotBeNull();
        missing.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        new HtmlParser().ParseDocument(await missing.Content.ReadAsStringAsync()).QuerySelector("#satisfaction-error").Should().NotBeNull();
        saved.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var document = new HtmlParser().ParseDocument(after);
        document.QuerySelector("#feedback-saved").Should().NotBeNull();
        document.QuerySelector<IHtmlInputElement>("#satisfaction-4")!.IsChecked.Should().BeTrue();
        document.QuerySelector<IHtmlTextAreaElement>("#comments")!.Value.Should().Be(Script);
        after.Should().NotContain(Script);
        document.QuerySelectorAll("script").Should().OnlyContain(s => s.HasAttribute("src"));
        listAfter.Should().Contain("Feedback given (4/5)");
        var stored = await FeedbackSteps.ReadDbAsync(host.Factory, db => db.EmployeeFeedback.SingleAsync(f => f.IncidentId == id));
        stored.Satisfaction.Should().Be(4);
        stored.Comments.Should().Be(Script);
    }

    [Fact]
    public async Task FeedbackPage_WithoutAntiforgeryToken_Refused()
    {
        var id = await FeedbackSteps.ReportAsAsync(host.Factory, "employee", FeedbackSteps.UniquePlace("Csrf"));
        await FeedbackSteps.ResolveAsync(host.Factory, id);
        using var browser = await PageClient.SignedInAsync(host.Factory, "employee");
        await browser.GetPageAsync($"/my/reports/{id}/feedback");

        using var forged = await browser.PostFormWithoutTokenAsync($"/my/reports/{id}/feedback", new Dictionary<string, string> { ["Satisfaction"] = "1" });

        forged.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await FeedbackSteps.ReadDbAsync(host.Factory, db => db.EmployeeFeedback.AnyAsync(f => f.IncidentId == id))).Should().BeFalse();
    }

    [Fact]
    public async Task SuggestionsPage_Sent_StoredShownAsMineInertAndNotToAnotherEmployee()
    {
        var text = Script + " more exits " + Guid.NewGuid().ToString("N");
        using var browser = await PageClient.SignedInAsync(host.Factory, "employee", "zh-CN");
        using var other = await PageClient.SignedInAsync(host.Factory, "employee2");
        using var lead = await PageClient.SignedInAsync(host.Factory, "lead");

        using var empty = await browser.PostFormAsync("/suggestions", new Dictionary<string, string> { ["Text"] = " ", ["Topic"] = "Training" });
        using var sent = await browser.PostFormAsync("/suggestions", new Dictionary<string, string> { ["Text"] = text, ["Topic"] = "Training" });
        var (_, mine) = await browser.GetPageAsync(sent.Headers.Location!.ToString());
        var (_, theirs) = await other.GetPageAsync("/suggestions");
        var (_, leads) = await lead.GetPageAsync("/suggestions");

        empty.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        new HtmlParser().ParseDocument(await empty.Content.ReadAsStringAsync()).QuerySelector("#text-error").Should().NotBeNull();
        sent.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var document = new HtmlParser().ParseDocument(mine);
        document.QuerySelector("#suggestion-sent")!.TextContent.Should().Be("谢谢，您的建议已记录。");
        document.QuerySelector("#my-suggestions")!.TextContent.Should().Contain(text).And.Contain("培训与演练");
        mine.Should().NotContain(Script);
        document.QuerySelectorAll("script").Should().OnlyContain(s => s.HasAttribute("src"));
        theirs.Should().NotContain(text[Script.Length..]);
        new HtmlParser().ParseDocument(leads).QuerySelector("#all-suggestions")!.TextContent.Should().Contain(text);
        var stored = await FeedbackSteps.ReadDbAsync(host.Factory, db => db.Suggestions.SingleAsync(s => s.Text == text));
        stored.Topic.Should().Be("Training");
        stored.SubmittedBy.Should().Be("employee");
    }

    [Fact]
    public async Task AnnouncementsPage_BothLanguagesPublished_ShowsThePagesLanguageAndFoldsTheOther()
    {
        var id = await FeedbackSteps.ReportAsAsync(host.Factory, "employee", FeedbackSteps.UniquePlace("Mail"));
        using var lead = host.Factory.CreateClientAs("lead");
        var marker = Guid.NewGuid().ToString("N");
        foreach (var (language, message) in new[] { ("zh", "邮件服务已恢复 " + marker), ("en", "Mail service restored " + marker) })
        {
            using var published = await lead.PostAsJsonAsync($"/api/incidents/{id}/announcements",
                new { message, channels = new[] { "BulletinBoard" }, language, kind = "ProgressUpdate" });
            published.StatusCode.Should().Be(HttpStatusCode.Created, await published.Content.ReadAsStringAsync());
        }

        using var chinese = await PageClient.SignedInAsync(host.Factory, "employee2", "zh-CN");
        using var english = await PageClient.SignedInAsync(host.Factory, "employee2", "en");

        var zh = new HtmlParser().ParseDocument((await chinese.GetPageAsync("/announcements")).Html);
        var en = new HtmlParser().ParseDocument((await english.GetPageAsync("/announcements")).Html);

        var zhItem = zh.QuerySelectorAll("article").Single(a => a.TextContent.Contains(marker, StringComparison.Ordinal));
        zhItem.GetAttribute("lang").Should().Be("zh-CN");
        zhItem.QuerySelector(".body")!.TextContent.Should().Contain("邮件服务已恢复");
        zhItem.QuerySelector("details")!.TextContent.Should().Contain("Mail service restored");
        zhItem.QuerySelector(".badge")!.TextContent.Should().Be("进展通报");
        var enItem = en.QuerySelectorAll("article").Single(a => a.TextContent.Contains(marker, StringComparison.Ordinal));
        enItem.GetAttribute("lang").Should().Be("en");
        enItem.QuerySelector(".body")!.TextContent.Should().Contain("Mail service restored");
        enItem.QuerySelector($"a[href='/incidents/{id}']").Should().BeNull("employee2 may not open employee's incident");
    }

    private static Dictionary<string, string> ValidForm(string location, string situation, string casualties = "") => new()
    {
        ["OccurredAt"] = DateTimeOffset.UtcNow.AddMinutes(-5).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
        ["TimeZoneOffset"] = "-480",
        ["Location"] = location,
        ["Category"] = "personnel-safety",
        ["InitialSituation"] = situation,
        ["PeopleInvolved"] = "Wang Fang\nZhao Lei",
        ["PeopleAffected"] = "2",
        ["Casualties"] = casualties,
        ["ReporterName"] = "Employee (dev)",
        ["ReporterImAccount"] = "employee",
    };

    /// <summary>Posts the report form as a browser does: multipart, with the page's antiforgery token.</summary>
    private static async Task<HttpResponseMessage> PostReportAsync(
        PageClient browser, Dictionary<string, string> fields, string formPage = "/report", (string Name, string Type, string Content)[]? files = null)
    {
        var (_, page) = await browser.GetPageAsync(formPage);
        using var content = new MultipartFormDataContent
        {
            { new StringContent(PageClient.AntiforgeryToken(page)!), "__RequestVerificationToken" },
        };
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        foreach (var (name, type, text) in files ?? [])
        {
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
            file.Headers.ContentType = new(type);
            content.Add(file, "Attachments", name);
        }

        return await browser.Http.PostAsync(new Uri("/report", UriKind.Relative), content);
    }

    private static string Label(IDocument document, string id) =>
        document.QuerySelector($"label[for='{id}']")!.TextContent.Trim();

    private static void EveryInputHasALabel(IDocument document)
    {
        foreach (var input in document.QuerySelectorAll("main input:not([type=hidden]), main select, main textarea"))
        {
            input.Id.Should().NotBeNullOrEmpty($"{input.OuterHtml} needs an id for its label");
            document.QuerySelector($"label[for='{input.Id}']").Should().NotBeNull($"{input.OuterHtml} needs a <label for>");
        }
    }
}
