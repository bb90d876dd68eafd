using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using EmergencyWorkflows.Api.Pages;
using EmergencyWorkflows.Api.Tests.Incidents;
using EmergencyWorkflows.Api.Tests.Infrastructure;
using EmergencyWorkflows.Api.Tests.Tasks;
using EmergencyWorkflows.Api.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace EmergencyWorkflows.Api.Tests.Web;

/// <summary>
/// What the API writes in English (timeline lines, validation sentences) reaches a page in its reader's language:
/// Simplified Chinese for zh-CN, English for en-US, while the API's JSON stays English.
/// </summary>
[Collection(SharedHostCollection.Name)]
public class PageLanguageTests(SharedHost host)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData("zh-CN", "截止时间：2026年12月3日 01:30（UTC+08:00）。")]
    [InlineData("en-US", "due 2026-12-03 01:30 UTC+08:00.")]
    public void TimelineFormat_DueInstants_WrittenInTheDisplayZoneWithItsOffset(string language, string expected)
    {
        var lines = host.Factory.Services.GetRequiredService<IStringLocalizer<TimelineLines>>();
        var common = host.Factory.Services.GetRequiredService<IStringLocalizer<CommonText>>();
        var display = new DisplayTime(TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        var args = new Dictionary<string, string?>(StringComparer.Ordinal) { ["title"] = "Rotate the certificate", ["who"] = "m-responder", ["due"] = "2026-12-02T17:30:00Z" };
        var before = CultureInfo.CurrentUICulture;
        string line;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo(language);
            line = TimelineFormat.Line(lines, common, display, "Review.ActionAssigned", args, "the stored English summary");
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }

        line.Should().EndWith(expected).And.NotContain("17:30", "the UTC wall clock is not shown");
    }

    [Fact]
    public async Task IncidentPage_TimelineOfAHandledIncident_InTheReadersLanguage()
    {
        using var employee = host.Factory.CreateClientAs("employee");
        using var responder = host.Factory.CreateClientAs("responder");
        using var responder2 = host.Factory.CreateClientAs("responder2");
        using var lead = host.Factory.CreateClientAs("lead");
        var id = (string)(await IncidentHost.ReportAsync(employee, IncidentHost.Report("personnel-safety")))["id"]!;
        await Settle.UntilAsync(() => IncidentHost.GetAsync(lead, id), i => i["sla"] is JsonObject, Deadline, $"the response SLA of {id}");
        (await IncidentHost.PostAsync(responder2, $"/api/incidents/{id}/acknowledge", new { })).Status.Should().Be(HttpStatusCode.OK);
        var graded = await IncidentHost.PostAsync(lead, $"/api/incidents/{id}/assessment",
            new { grade = 3, methods = new[] { "OnSiteInspection" }, evidence = "Seen on site." });
        graded.Status.Should().Be(HttpStatusCode.OK, graded.Body.ToJsonString());
        var tasks = await Settle.UntilAsync(() => TaskDriver.OpenForAsync(responder, id), t => t.Count > 0, Deadline, $"tasks of {id}");
        await TaskDriver.CompleteAsync(responder, tasks[0]);
        var incident = await Settle.UntilAsync(() => IncidentHost.GetAsync(lead, id),
            i => IncidentHost.Timeline(i).Any(t => t.Kind == "Task" && t.Summary.Contains(" completed by ", StringComparison.Ordinal)),
            Deadline, "the completion on the timeline");
        IncidentHost.Timeline(incident).Should().Contain(t => t.Summary.StartsWith("Assessed as Level 3", StringComparison.Ordinal), "the API stays English");
        incident["timeline"]!.AsArray().Should().OnlyContain(t => t!["messageKey"] != null, "every line written now has its key");

        using var chinese = await PageClient.SignedInAsync(host.Factory, "lead", "zh-CN");
        using var english = await PageClient.SignedInAsync(host.Factory, "lead", "en-US");
        var zh = await TimelineTextAsync(chinese, id);
        var en = await TimelineTextAsync(english, id);

        zh.Should().Contain("通过网页报告，类别：人员安全类。")
            .And.Contain("状态：已报告 → 响应中。")
            .And.Contain("确认接报（启动远程响应）")
            .And.Contain("评估为三级（一般），评估方式：现场勘查（系统建议：")
            .And.Contain("状态：响应中 → 已评估。")
            .And.Contain("创建任务")
            .And.Contain("已完成任务");
        zh.Should().NotContainAny("Reported via", "Reported → Responding", "Acknowledged (remote response started)", "Assessed as Level", " opened for ",
            " completed by ");
        en.Should().Contain("Reported via Web as Personnel safety")
            .And.Contain("Reported → Responding.")
            .And.Contain("Acknowledged (remote response started) by")
            .And.Contain("Assessed as Level 3 (general) by on-site inspection")
            .And.Contain(" completed by ");
        en.Should().NotContainAny("通过网页报告", "确认接报", "评估为", "已完成任务");

        // Task lines name the task by the title the reader's language has (the plan's Chinese wording on Chinese pages).
        var title = (string)tasks[0]["title"]!;
        var titleZh = (string?)tasks[0]["titleZh"];
        titleZh.Should().NotBeNullOrWhiteSpace("every task of the repository's plans has a Chinese title");
        zh.Should().Contain(titleZh).And.NotContain(title);
        en.Should().Contain(title).And.NotContain(titleZh);
    }

    [Fact]
    public async Task ReportPage_ChineseFormRefusedByTheApi_FieldMessagesInChinese()
    {
        using var browser = await PageClient.SignedInAsync(host.Factory, "employee", "zh-CN");
        var form = new Dictionary<string, string>
        {
            ["OccurredAt"] = DateTimeOffset.UtcNow.AddMinutes(-5).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture),
            ["TimeZoneOffset"] = "0",
            ["Location"] = string.Empty,
            ["Category"] = "personnel-safety",
            ["InitialSituation"] = "<b>Smoke</b> in the hall",
            ["PeopleAffected"] = "1",
            ["ReporterName"] = "Employee (dev)",
            ["ReporterEmail"] = "not-an-address",
        };

        var (_, page) = await browser.GetPageAsync("/report");
        using var content = new MultipartFormDataContent { { new StringContent(PageClient.AntiforgeryToken(page)!), "__RequestVerificationToken" } };
        foreach (var (name, value) in form)
        {
            content.Add(new StringContent(value), name);
        }

        using var response = await browser.Http.PostAsync(new Uri("/report", UriKind.Relative), content);
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var document = new HtmlParser().ParseDocument(html);
        document.QuerySelector("#location-error")!.TextContent.Should().Be("此项为必填项。");
        document.QuerySelector("#initialSituation-error")!.TextContent.Should().Contain("纯文本");
        document.QuerySelector("#reporterEmail-error")!.TextContent.Should().Be("邮箱地址无效。");
        document.QuerySelector("#error-summary")!.TextContent.Should().NotContainAny("is required", "markup", "not valid");
    }

    [Fact]
    public async Task ReportApi_InvalidReport_EnglishSentencesWithStableCodes()
    {
        using var employee = host.Factory.CreateClientAs("employee");
        var report = IncidentHost.Report();
        report["location"] = string.Empty;

        using var response = await employee.PostAsJsonAsync("/api/incidents", report);
        var body = await response.ReadJsonAsync();

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        ((string)body["errors"]!["location"]![0]!).Should().Be("Where it happened is required.");
        ((string)body["errorCodes"]!["location"]![0]!["code"]!).Should().Be("Required");
    }

    private static async Task<string> TimelineTextAsync(PageClient browser, string id)
    {
        var (status, html) = await browser.GetPageAsync($"/incidents/{id}");
        status.Should().Be(HttpStatusCode.OK);
        // The lines themselves; details are what people typed (notes, evidence) and stay as written.
        return string.Join("\n", new HtmlParser().ParseDocument(html).QuerySelectorAll("#timeline .what").Select(e => e.TextContent));
    }
}
