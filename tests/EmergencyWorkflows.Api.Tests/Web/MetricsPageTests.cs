using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using EmergencyWorkflows.Api.Tests.Infrastructure;
using EmergencyWorkflows.Api.Tests.Metrics;

namespace EmergencyWorkflows.Api.Tests.Web;

/// <summary>The /metrics page on the metrics host's two incidents (acknowledged after 2 minutes; never acknowledged).</summary>
[Collection(MetricsHostCollection.Name)]
public class MetricsPageTests(MetricsHost host)
{
    [Fact]
    public async Task MetricsPage_Lead_ChartsShowBothIncidentsAndTheFiveMinuteLine()
    {
        using var browser = await PageClient.SignedInAsync(host.Factory, "lead");

        var (status, html) = await browser.GetPageAsync("/metrics");

        status.Should().Be(HttpStatusCode.OK, html);
        var page = new HtmlParser().ParseDocument(html);
        page.QuerySelector("#total-reported")!.TextContent.Should().Be("2");
        page.QuerySelector("#total-never")!.TextContent.Should().Be("1");
        page.QuerySelector("#total-compliance")!.TextContent.Should().Contain("50%").And.Contain("1/2");

        var ackByGrade = page.QuerySelector("svg#ack-grade")!;
        ackByGrade.GetAttribute("role").Should().Be("img");
        ackByGrade.GetAttribute("aria-labelledby").Should().Be("ack-grade-title ack-grade-desc");
        ackByGrade.QuerySelector("title#ack-grade-title")!.TextContent.Should().Be("Time to acknowledge, by grade");
        var targets = ackByGrade.QuerySelectorAll("line.target").ToList();
        targets.Should().NotBeEmpty().And.OnlyContain(l => l.GetAttribute("data-target-minutes") == "5");
        ackByGrade.QuerySelectorAll("text.target-label").Select(t => t.TextContent).Should().Equal("Target 5 min");
        var dot = ackByGrade.QuerySelectorAll("circle.dot").Should().ContainSingle().Subject;
        dot.ClassList.Should().Contain("within");
        dot.QuerySelector("title")!.TextContent.Should().Be($"{host.Acknowledged}: 2 min");
        X(dot).Should().BeApproximately(X(targets[0]) * 2 / 5 + (Left(ackByGrade) * 3 / 5), 0.5, "2 minutes sits at 2/5 of the way to the 5-minute line");
        ackByGrade.QuerySelectorAll("rect.never").Should().ContainSingle().Which.QuerySelector("title")!.TextContent.Should().Contain("1");

        Cell(page, "ack-grade-table", "2", "within").Should().Be("1");
        Cell(page, "ack-grade-table", "2", "median").Should().Be("2 min");
        Cell(page, "ack-grade-table", "none", "never").Should().Be("1");
        Cell(page, "ack-category-table", "personnel-safety", "never").Should().Be("1");
        Cell(page, "ack-category-table", "personnel-safety", "within").Should().Be("1");

        var today = page.QuerySelector("#compliance-table tr[data-start^='2026-11-30']")!;
        today.QuerySelector("[data-col=met]")!.TextContent.Should().Be("1");
        today.QuerySelector("[data-col=never]")!.TextContent.Should().Be("1");
        today.QuerySelector("[data-col=percent]")!.TextContent.Should().Be("50%");
        page.QuerySelector("svg#compliance")!.QuerySelectorAll("rect.bar.never").Should().ContainSingle();
        page.QuerySelector("svg#volume")!.QuerySelectorAll("rect.bar.reported").Should().ContainSingle();
        page.QuerySelector("#volume-table tr[data-start^='2026-11-30'] [data-col=open]")!.TextContent.Should().Be("2");
    }

    [Fact]
    public async Task MetricsPage_EveryFilterHasALabelAndTheFormIsAGet()
    {
        using var browser = await PageClient.SignedInAsync(host.Factory, "lead");

        var (_, html) = await browser.GetPageAsync("/metrics?days=7&category=personnel-safety&grade=2");

        var page = new HtmlParser().ParseDocument(html);
        var form = page.QuerySelector("form.metrics-filter")!;
        form.GetAttribute("method").Should().Be("get");
        foreach (var select in form.QuerySelectorAll("select"))
        {
            page.QuerySelector($"label[for='{select.Id}']").Should().NotBeNull($"{select.Id} needs a label");
        }

        form.QuerySelector("#m-days option[selected]")!.GetAttribute("value").Should().Be("7");
        form.QuerySelector("#m-category option[selected]")!.GetAttribute("value").Should().Be("personnel-safety");
        form.QuerySelector("#m-grade option[selected]")!.GetAttribute("value").Should().Be("2");
        page.QuerySelector("#total-reported")!.TextContent.Should().Be("1", "only the acknowledged incident is graded Level 2");
        page.QuerySelector("#compliance-table")!.QuerySelectorAll("tbody tr").Should().HaveCount(7);
        page.QuerySelector("svg#ack-grade")!.QuerySelectorAll("text.row-label").Should().ContainSingle();
    }

    [Fact]
    public async Task MetricsPage_OtherCategoryFilter_NothingShownAndSaysSo()
    {
        using var browser = await PageClient.SignedInAsync(host.Factory, "lead");

        var (_, html) = await browser.GetPageAsync("/metrics?category=complaint-dispute");

        var page = new HtmlParser().ParseDocument(html);
        page.QuerySelector("#total-reported")!.TextContent.Should().Be("0");
        page.QuerySelectorAll("svg circle.dot").Should().BeEmpty();
        html.Should().Contain("No incidents were reported in this period.").And.NotContain(host.Acknowledged);
    }

    [Fact]
    public async Task MetricsPage_InvalidFilter_IgnoredWithAnAlert()
    {
        using var browser = await PageClient.SignedInAsync(host.Factory, "lead");

        var (status, html) = await browser.GetPageAsync("/metrics?days=5&grade=x");

        status.Should().Be(HttpStatusCode.OK);
        var page = new HtmlParser().ParseDocument(html);
        page.QuerySelector("[role=alert]")!.TextContent.Should().Contain("days").And.Contain("grade");
        page.QuerySelector("#total-reported")!.TextContent.Should().Be("2");
    }

    [Fact]
    public async Task MetricsPage_Chinese_PlanTermsAndChineseChartLabels()
    {
        using var browser = await PageClient.SignedInAsync(host.Factory, "lead", "zh-CN");

        var (_, html) = await browser.GetPageAsync("/metrics");

        var page = new HtmlParser().ParseDocument(html);
        page.QuerySelector("h1")!.TextContent.Should().Be("应急响应指标");
        page.QuerySelector("main")!.TextContent.Should().Contain("应急小组").And.Contain("人员安全类");
        page.QuerySelector("svg#ack-grade title")!.TextContent.Should().Be("确认（开始远程响应）用时，按事件级别");
        page.QuerySelector("svg#ack-grade text.target-label")!.TextContent.Should().Be("目标 5 分钟");
    }

    [Fact]
    public async Task MetricsPage_Filtered_ChartsAreALiveRegionWhoseFragmentKeepsTheFilter()
    {
        using var browser = await PageClient.SignedInAsync(host.Factory, "lead");

        var (_, html) = await browser.GetPageAsync("/metrics?days=7&grade=2");

        var page = new HtmlParser().ParseDocument(html);
        var region = page.QuerySelector("#metrics-live[data-live-src]")!;
        region.GetAttribute("aria-live").Should().Be("polite");
        region.QuerySelector("svg#ack-grade").Should().NotBeNull("the charts are inside the region site.js refreshes");
        page.QuerySelector("script[src^='/js/metrics.js']").Should().NotBeNull("open data tables stay open across refreshes");
        var source = region.GetAttribute("data-live-src")!;
        source.Should().Be("/metrics?handler=Fragment&days=7&grade=2");

        var (status, fragmentHtml) = await browser.GetPageAsync(source);

        status.Should().Be(HttpStatusCode.OK);
        var fragment = new HtmlParser().ParseDocument(fragmentHtml);
        fragment.QuerySelector("html > head > title").Should().BeNull("the fragment is the charts alone, without the layout");
        fragment.QuerySelector("form.metrics-filter").Should().BeNull();
        fragment.QuerySelector("#total-reported")!.TextContent.Should().Be("1", "the fragment applies the page's filter (Level 2 only)");
        fragment.QuerySelector("#compliance-table")!.QuerySelectorAll("tbody tr").Should().HaveCount(7);
        fragment.QuerySelector("svg#ack-grade circle.dot title")!.TextContent.Should().StartWith(host.Acknowledged);
    }

    [Theory]
    [InlineData("responder")]
    [InlineData("employee")]
    public async Task MetricsPage_NotATeamLead_Forbidden(string user)
    {
        using var browser = await PageClient.SignedInAsync(host.Factory, user);

        using var response = await browser.Http.GetAsync(new Uri("/metrics", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        html.Should().NotContain(host.Acknowledged);
    }

    private static string Cell(IDocument page, string table, string group, string column) =>
        page.QuerySelector($"#{table} tr[data-group='{group}'] [data-col='{column}']")!.TextContent;

    private static double X(IElement element) => double.Parse(
        element.GetAttribute("cx") ?? element.GetAttribute("x1")!, System.Globalization.CultureInfo.InvariantCulture);

    // The strip plot's axis starts where its first band starts.
    private static double Left(IElement svg) => double.Parse(svg.QuerySelector("rect.band")!.GetAttribute("x")!, System.Globalization.CultureInfo.InvariantCulture);
}
