using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EmergencyWorkflows.Api.Release;
using EmergencyWorkflows.Api.Tests.Incidents;
using EmergencyWorkflows.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace EmergencyWorkflows.Api.Tests.Release;

[Collection(IncidentHostCollection.Name)]
public sealed class ReviewApiTests(IncidentHost host)
{
    [Fact]
    public async Task Close_Level2WithoutReview_Returns409_AfterReviewCloses()
    {
        using var lead = host.Factory.CreateClientAs("lead");
        var id = await ReleaseSteps.ResolvedAsync(lead, grade: 2);

        var closeEarly = await IncidentHost.PostAsync(lead, $"/api/incidents/{id}/transitions", new { to = "Closed" });
        var reviewedWithoutRecord = await IncidentHost.PostAsync(lead, $"/api/incidents/{id}/transitions", new { to = "Reviewed" });

        closeEarly.Status.Should().Be(HttpStatusCode.Conflict);
        ((string)closeEarly.Body["detail"]!).Should().Contain("cannot close without a review");
        reviewedWithoutRecord.Status.Should().Be(HttpStatusCode.Conflict);
        ((string)reviewedWithoutRecord.Body["detail"]!).Should().Contain("recording its review");

        var review = await IncidentHost.PostAsync(lead, $"/api/incidents/{id}/review",
            ReleaseSteps.Review(new { title = "Alert on certificate expiry", ownerId = "m-responder", dueAt = DateTimeOffset.UtcNow.AddDays(14) }));
        review.Status.Should().Be(HttpStatusCode.Created, review.Body.ToJsonString());
        ((string)(await IncidentHost.GetAsync(lead, id))["status"]!).Should().Be("Reviewed");

        var closed = await IncidentHost.PostAsync(lead, $"/api/incidents/{id}/transitions", new { to = "Closed" });
        closed.Status.Should().Be(HttpStatusCode.OK, closed.Body.ToJsonString());
        var timeline = IncidentHost.Timeline(closed.Body).ToList();
        timeline.Should().Contain(("Review", "Review recorded with 1 improvement action(s).", "lead"));
        timeline.Should().Contain(t => t.Kind == "Review" && t.Summary.StartsWith("Improvement action 'Alert on certificate expiry' assigned to m-responder", StringComparison.Ordinal));
        timeline.TakeLast(3).Select(t => t.Summary).Should().Equal("Resolved → Reviewed.", "Reviewed → Closed.",
            "The workflow was stopped: the incident was closed before its task list finished.");
    }

    [Fact]
    public async Task Review_BadInputOrWrongState_IsRefusedAndChangesNothing()
    {
        using var lead = host.Factory.CreateClientAs("lead");
        using var responder = host.Factory.CreateClientAs("responder");
        var handling = await ReleaseSteps.HandlingAsync(lead, grade: 3);
        var resolved = await ReleaseSteps.ResolvedAsync(lead, grade: 3);

        var tooEarly = await IncidentHost.PostAsync(lead, $"/api/incidents/{handling}/review", ReleaseSteps.Review());
        var noRootCause = await IncidentHost.PostAsync(lead, $"/api/incidents/{resolved}/review", new { whatHappened = "x", lessons = "y" });
        var ownerless = await IncidentHost.PostAsync(lead, $"/api/incidents/{resolved}/review",
            ReleaseSteps.Review(new { title = "Do it", dueAt = DateTimeOffset.UtcNow.AddDays(1) }));
        var byResponder = await IncidentHost.PostAsync(responder, $"/api/incidents/{resolved}/review", ReleaseSteps.Review());

        tooEarly.Status.Should().Be(HttpStatusCode.Conflict);
        ((string)tooEarly.Body["detail"]!).Should().Contain("Handling");
        noRootCause.Status.Should().Be(HttpStatusCode.BadRequest);
        ((string)noRootCause.Body["detail"]!).Should().Contain("root cause");
        ownerless.Status.Should().Be(HttpStatusCode.BadRequest);
        ((string)ownerless.Body["detail"]!).Should().Contain("owner");
        byResponder.Status.Should().Be(HttpStatusCode.Forbidden);
        ((string)(await IncidentHost.GetAsync(lead, resolved))["status"]!).Should().Be("Resolved");
        ((string)(await IncidentHost.GetAsync(lead, handling))["status"]!).Should().Be("Handling");
    }

    [Fact]
    public async Task ActionDone_ByOwner_IsRecordedOnTheReviewAndTimeline_OthersAreRefused()
    {
        using var lead = host.Factory.CreateClientAs("lead");
        using var responder = host.Factory.CreateClientAs("responder");
        using var responder2 = host.Factory.CreateClientAs("responder2");
        var id = await ReleaseSteps.ResolvedAsync(lead, grade: 3);
        var review = await IncidentHost.PostAsync(lead, $"/api/incidents/{id}/review",
            ReleaseSteps.Review(new { title = "Non-slip stair strips", ownerId = "m-responder", dueAt = DateTimeOffset.UtcNow.AddDays(7) }));
        review.Status.Should().Be(HttpStatusCode.Created, review.Body.ToJsonString());
        var actionId = (string)review.Body["actions"]![0]!["id"]!;

        var stranger = await IncidentHost.PostAsync(responder2, $"/api/incidents/{id}/review/actions/{actionId}/done", new { });
        var done = await IncidentHost.PostAsync(responder, $"/api/incidents/{id}/review/actions/{actionId}/done", new { });
        var unknown = await IncidentHost.PostAsync(lead, $"/api/incidents/{id}/review/actions/no-such-action/done", new { });

        stranger.Status.Should().Be(HttpStatusCode.NotFound, "someone who neither owns the action nor sees the incident learns nothing");
        done.Status.Should().Be(HttpStatusCode.OK, done.Body.ToJsonString());
        ((string)done.Body["doneBy"]!).Should().Be("responder");
        unknown.Status.Should().Be(HttpStatusCode.NotFound);
        var stored = (await lead.GetFromJsonAsync<JsonObject>($"/api/incidents/{id}/review"))!;
        stored["actions"]![0]!["doneAt"].Should().NotBeNull();
        IncidentHost.Timeline(await IncidentHost.GetAsync(lead, id)).Should().Contain(("Review", "Improvement action 'Non-slip stair strips' done.", "responder"));
    }

    [Fact]
    public async Task OverdueAction_Sweeps_RemindOwnerOncePerDay()
    {
        using var lead = host.Factory.CreateClientAs("lead");
        var id = await ReleaseSteps.ResolvedAsync(lead, grade: 3);
        var due = DateTimeOffset.UtcNow.AddMinutes(-5);
        (await IncidentHost.PostAsync(lead, $"/api/incidents/{id}/review", ReleaseSteps.Review(
            new { title = "Overdue one", ownerId = "responder-zhang", dueAt = due },
            new { title = "Not due yet", ownerId = "responder-sun", dueAt = DateTimeOffset.UtcNow.AddDays(30) }))).Status.Should().Be(HttpStatusCode.Created);

        // The hosted sweep runs every 200 ms in this host (Emergency:Reviews:ReminderInterval); the outbox delivers.
        var reminders = await Settle.UntilAsync(() => RemindersAsync(lead, id), r => r.Count >= 1, TimeSpan.FromSeconds(20), "the overdue action's reminder");
        var sweep = host.Factory.Services.GetRequiredService<ActionReminderSweep>();
        await sweep.SweepAsync(DateTimeOffset.UtcNow, CancellationToken.None);
        await sweep.SweepAsync(DateTimeOffset.UtcNow, CancellationToken.None);

        reminders.Should().ContainSingle().Which.Should().Be(("responder-zhang", "InApp"));
        IncidentHost.Timeline(await IncidentHost.GetAsync(lead, id))
            .Count(t => t.Kind == "Notification" && t.Summary.StartsWith("Reminder sent", StringComparison.Ordinal) && t.Summary.Contains("Overdue one", StringComparison.Ordinal))
            .Should().Be(1, "repeated sweeps on the same day queue the reminder once");

        await sweep.SweepAsync(DateTimeOffset.UtcNow.AddDays(1), CancellationToken.None);
        var nextDay = await Settle.UntilAsync(() => RemindersAsync(lead, id), r => r.Count >= 2, TimeSpan.FromSeconds(20), "the next day's reminder");

        // The outbox dispatches in commit order, so a same-day duplicate would have been delivered before the next day's.
        nextDay.Should().HaveCount(2, "one reminder per action per day, and only the overdue action is reminded");
        IncidentHost.Timeline(await IncidentHost.GetAsync(lead, id))
            .Count(t => t.Kind == "Notification" && t.Summary.StartsWith("Reminder sent", StringComparison.Ordinal) && t.Summary.Contains("Overdue one", StringComparison.Ordinal))
            .Should().Be(2);
    }

    private static async Task<List<(string Recipient, string Channel)>> RemindersAsync(HttpClient client, string id)
    {
        using var response = await client.GetAsync($"/api/incidents/{id}/notifications");
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return [];
        }

        var body = (await response.ReadJsonAsync()).AsObject();
        return body["deliveries"]!.AsArray()
            .Where(d => ((string)d!["subject"]!).StartsWith("Overdue improvement action", StringComparison.Ordinal))
            .Select(d => ((string)d!["recipientId"]!, (string)d["channel"]!))
            .ToList();
    }
}
