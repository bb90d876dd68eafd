using System.Net;
using System.Text.Json.Nodes;
using EmergencyWorkflows.Api.Tests.Infrastructure;

namespace EmergencyWorkflows.Api.Tests.Metrics;

/// <summary>GET /api/metrics on real incidents: one acknowledged after 2 minutes, one never acknowledged past its deadline.</summary>
[Collection(MetricsHostCollection.Name)]
public class MetricsApiTests(MetricsHost host)
{
    // Days start at midnight in the pages' display zone (default Asia/Shanghai), as every page shows its times.
    private static readonly DateTimeOffset Today = new(2026, 11, 30, 0, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task Metrics_AckAtTwoMinutesAndNeverAcknowledged_CountedInTheirGroupsAndAsOneBreach()
    {
        using var lead = host.Factory.CreateClientAs("lead");

        var json = await GetOkAsync(lead, "/api/metrics");

        ((DateTimeOffset)json["from"]!).Should().Be(Today.AddDays(-29));
        ((DateTimeOffset)json["to"]!).Should().Be(Today.AddDays(1));
        ((string?)json["bucket"]).Should().Be("Day");
        ((string?)json["timeZone"]).Should().Be("Asia/Shanghai");
        var totals = json["totals"]!;
        ((int)totals["reported"]!).Should().Be(2);
        ((int)totals["met"]!).Should().Be(1);
        ((int)totals["neverAcknowledged"]!).Should().Be(1);
        ((int)totals["breached"]!).Should().Be(1);
        ((double)totals["percentMet"]!).Should().Be(50);

        var level2 = Group(json["acknowledge"]!["byGrade"]!, "2");
        var time = level2["times"]!.AsArray().Should().ContainSingle().Subject!;
        ((string?)time["incidentId"]).Should().Be(host.Acknowledged);
        ((string?)time["elapsed"]).Should().Be("00:02:00");
        ((bool)time["withinTarget"]!).Should().BeTrue();
        ((int)level2["never"]!).Should().Be(0);
        level2["targets"]!.AsArray().Select(t => (string?)t).Should().Equal("00:05:00");
        var ungraded = Group(json["acknowledge"]!["byGrade"]!, "none");
        ((int)ungraded["never"]!).Should().Be(1, "the other incident passed its 5-minute deadline without a response");
        ungraded["times"]!.AsArray().Should().BeEmpty();
        ((int)Group(json["acknowledge"]!["byGrade"]!, "1")["count"]!).Should().Be(0);
        ((int)Group(json["acknowledge"]!["byCategory"]!, "personnel-safety")["never"]!).Should().Be(1);
        ((int)Group(json["arrive"]!["byGrade"]!, "none")["never"]!).Should().Be(0, "the arrival chart counts no breaches of its own");

        var today = json["compliance"]!.AsArray().Single(b => (DateTimeOffset)b!["start"]! == Today)!;
        ((int)today["met"]!).Should().Be(1);
        ((int)today["neverAcknowledged"]!).Should().Be(1);
        json["compliance"]!.AsArray().Where(b => (DateTimeOffset)b!["start"]! != Today).Should().OnlyContain(b => (int)b!["settled"]! == 0);
        var volume = json["volume"]!.AsArray().Single(b => (DateTimeOffset)b!["start"]! == Today)!;
        ((int)volume["reported"]!).Should().Be(2);
        ((int)volume["openAtEnd"]!).Should().Be(2);
        ((int)json["openNow"]!).Should().Be(2);
        ((int)json["closedNow"]!).Should().Be(0);
    }

    [Fact]
    public async Task Metrics_FilteredToAnotherCategoryOrGrade_NothingCounted()
    {
        using var lead = host.Factory.CreateClientAs("lead");

        var complaints = await GetOkAsync(lead, "/api/metrics?category=complaint-dispute");
        var level3 = await GetOkAsync(lead, "/api/metrics?grade=3&from=2026-11-30&to=2026-12-01");
        var level2 = await GetOkAsync(lead, "/api/metrics?grade=2");

        ((int)complaints["totals"]!["reported"]!).Should().Be(0);
        complaints["acknowledge"]!["byCategory"]!.AsArray().Select(g => (string?)g!["key"]).Should().Equal("complaint-dispute");
        ((int)level3["totals"]!["reported"]!).Should().Be(0);
        ((int)level3["openNow"]!).Should().Be(0);
        level3["compliance"]!.AsArray().Should().ContainSingle("one day was asked");
        ((int)level2["totals"]!["reported"]!).Should().Be(1, "only the acknowledged incident is graded");
        ((int)level2["totals"]!["met"]!).Should().Be(1);
        level2["acknowledge"]!["byGrade"]!.AsArray().Select(g => (string?)g!["key"]).Should().Equal("2");
    }

    [Fact]
    public async Task Metrics_PeriodBeforeTheIncidents_NothingReportedAndNothingOpen()
    {
        using var lead = host.Factory.CreateClientAs("lead");

        var json = await GetOkAsync(lead, "/api/metrics?from=2026-11-01T00:00:00Z&to=2026-11-30T09:00:00Z");

        ((int)json["totals"]!["reported"]!).Should().Be(0, "'to' is exclusive and both were reported at 09:00");
        json["volume"]!.AsArray().Should().OnlyContain(b => (int)b!["openAtEnd"]! == 0);
    }

    [Theory]
    [InlineData("responder")]
    [InlineData("employee")]
    [InlineData("depthead")]
    public async Task Metrics_NotATeamLead_Forbidden(string user)
    {
        using var client = host.Factory.CreateClientAs(user);

        using var response = await client.GetAsync("/api/metrics");

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Metrics_Anonymous_Unauthorized()
    {
        using var client = host.Factory.CreateAnonymousClient();

        using var response = await client.GetAsync("/api/metrics");

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Metrics_BadQuery_ValidationProblemNamingEachField()
    {
        using var lead = host.Factory.CreateClientAs("lead");

        using var response = await lead.GetAsync("/api/metrics?grade=7&category=fire&from=yesterday");
        using var backwards = await lead.GetAsync("/api/metrics?from=2026-11-10&to=2026-11-01");
        using var tooLong = await lead.GetAsync("/api/metrics?from=2024-01-01&to=2026-11-01");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem["errors"]!.AsObject().Select(e => e.Key).Should().BeEquivalentTo("grade", "category", "from");
        ((string?)problem["errors"]!["category"]![0]).Should().Contain("personnel-safety").And.Contain("fire");
        var reversed = await backwards.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        ((string?)reversed["errors"]!["to"]![0]).Should().Contain("must be after");
        var span = await tooLong.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        ((string?)span["errors"]!["from"]![0]).Should().Contain("366 days");
    }

    private static async Task<JsonNode> GetOkAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var json = await response.ReadJsonAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, json.ToJsonString());
        return json;
    }

    private static JsonNode Group(JsonNode groups, string key) =>
        groups.AsArray().Single(g => (string?)g!["key"] == key)!;
}
