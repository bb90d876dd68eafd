using System.Net;
using System.Text.Json.Nodes;
using EmergencyWorkflows.Api.Tests.Incidents;
using EmergencyWorkflows.Api.Tests.Infrastructure;
using EmergencyWorkflows.Emergency.Activities;
using EmergencyWorkflows.Runtime.Instances;
using Microsoft.Extensions.DependencyInjection;

namespace EmergencyWorkflows.Api.Tests.Scenarios.IncidentFlow;

/// <summary>Waits for what the incident's workflow does in the background (status moves come from the outbox) and
/// checks a timeline against an ordered list of expected entries, tolerating entries of other kinds in between.</summary>
internal static class IncidentFlowSteps
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    public static Task<JsonObject> StatusAsync(HttpClient client, string id, string status) =>
        Settle.UntilAsync(() => IncidentHost.GetAsync(client, id), i => (string?)i["status"] == status, Deadline,
            $"incident {id} becomes {status}");

    /// <summary>The stored instance (with bookmark payloads, which the HTTP view leaves out).</summary>
    public static Task<WorkflowInstance?> InstanceAsync(ApiFactory factory, string id) =>
        factory.Services.GetRequiredService<IWorkflowInstanceStore>().FindAsync(id);

    /// <summary>The instance waits on the incident signal <paramref name="signal"/> (Assessed, Announced, Closed, Regraded).</summary>
    public static bool WaitsFor(WorkflowInstance? instance, string signal) =>
        instance?.Bookmarks.Any(b => b.Name == EmergencyBookmarks.IncidentSignal && (string?)b.Payload["signal"] == signal) == true;

    /// <summary>Reports an incident as <paramref name="reporter"/>, then a team lead acknowledges and assesses it: its
    /// category's task list is open when this returns.</summary>
    public static async Task<string> ReportAssessedAsync(ApiFactory factory, HttpClient reporter, string category, int grade = 3)
    {
        using var lead = factory.CreateClientAs("lead");
        var id = (string)(await IncidentHost.ReportAsync(reporter, IncidentHost.Report(category)))["id"]!;
        await AcknowledgeAsync(lead, id);
        await AssessAsync(lead, id, grade);
        return id;
    }

    public static async Task AcknowledgeAsync(HttpClient responder, string id) =>
        (await IncidentHost.PostAsync(responder, $"/api/incidents/{id}/acknowledge", new { note = "On my way." })).Status.Should().Be(HttpStatusCode.OK);

    public static async Task AssessAsync(HttpClient lead, string id, int grade)
    {
        var (status, body) = await IncidentHost.PostAsync(lead, $"/api/incidents/{id}/assessment",
            new { grade, methods = new[] { "OnSiteInspection", "EmployeeFeedback" }, evidence = "Seen on site; two colleagues asked." });
        status.Should().Be(HttpStatusCode.OK, body.ToJsonString());
    }

    /// <summary>Asserts that <paramref name="expected"/> (kind, actor, start of the summary) occur in this order in the
    /// timeline; other entries may sit between them.</summary>
    public static void ShouldContainInOrder(this IReadOnlyList<(string Kind, string Summary, string Actor)> timeline,
        params (string Kind, string Actor, string Summary)[] expected)
    {
        var at = 0;
        foreach (var (kind, actor, summary) in expected)
        {
            var found = -1;
            for (var i = at; i < timeline.Count; i++)
            {
                if (timeline[i].Kind == kind && timeline[i].Actor == actor && timeline[i].Summary.StartsWith(summary, StringComparison.Ordinal))
                {
                    found = i;
                    break;
                }
            }

            found.Should().BeGreaterThanOrEqualTo(0,
                $"the timeline should have {kind} by {actor} \"{summary}…\" after entry {at}; it is:\n{string.Join("\n", timeline.Select((t, n) => $"{n}: {t.Kind} {t.Actor}: {t.Summary}"))}");
            at = found + 1;
        }
    }
}
