using EmergencyWorkflows.Api.Auth;
using EmergencyWorkflows.Api.Errors;
using EmergencyWorkflows.Emergency.Notifications.Delivery;
using EmergencyWorkflows.Persistence.Notifications;
using EmergencyWorkflows.Runtime.Instances;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EmergencyWorkflows.Api.Notifications;

/// <summary>What the incident's notifications did: every delivery, its attempts, and the failures to act on.</summary>
internal static class IncidentNotificationEndpoints
{
    public static IEndpointRouteBuilder MapIncidentNotifications(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/incidents").WithTags("Notifications").RequireAuthorization(AuthPolicies.Responder);
        group.MapGet("/{id}/notifications", ListAsync);
        return app;
    }

    /// <summary>By incident id or workflow instance id; <paramref name="failedOnly"/> keeps the deliveries that failed for good.</summary>
    private static async Task<Results<Ok<IncidentNotificationsView>, ProblemHttpResult>> ListAsync(
        string id, bool? failedOnly, EfDeliveryLedger ledger, IWorkflowInstanceStore instances, CancellationToken cancellationToken)
    {
        var rows = await ledger.ForIncidentAsync(id, cancellationToken);
        if (rows.Count == 0 && await instances.FindAsync(id, cancellationToken) is null)
        {
            return Problems.NotFound($"No incident or workflow instance '{id}' has notifications.");
        }

        var views = rows.Select(DeliveryView.From).ToList();
        var summary = new DeliverySummary(
            views.Count,
            views.Count(v => v.Status == nameof(DeliveryStatus.Delivered)),
            views.Count(v => v.Status == nameof(DeliveryStatus.Failed)),
            views.Count(v => v.Status is not (nameof(DeliveryStatus.Delivered) or nameof(DeliveryStatus.Failed))));
        var shown = failedOnly == true ? views.Where(v => v.Status == nameof(DeliveryStatus.Failed)).ToList() : views;
        return TypedResults.Ok(new IncidentNotificationsView(id, summary, shown));
    }
}

internal sealed record IncidentNotificationsView(string IncidentId, DeliverySummary Summary, IReadOnlyList<DeliveryView> Deliveries);

/// <summary>Pending counts the queued, in-flight and retry-scheduled ones.</summary>
internal sealed record DeliverySummary(int Total, int Delivered, int Failed, int Pending);

internal sealed record AttemptView(int Attempt, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, string Outcome, int? StatusCode, string? Error);

internal sealed record DeliveryView(
    string DedupKey, string IncidentId, string InstanceId, string Topic, int Tier, int Repetition, string RecipientId, string Channel, string Subject,
    string Status, int Attempts, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? NextAttemptAt, int? LastStatusCode,
    string? LastError, IReadOnlyList<AttemptView> AttemptLog)
{
    public static DeliveryView From(NotificationDeliveryRecord r) => new(
        r.DedupKey, r.IncidentId, r.InstanceId, r.Topic, r.Tier, r.Repetition, r.RecipientId, r.Channel, r.Subject, r.Status, r.Attempts,
        r.CreatedAt, r.UpdatedAt, r.NextAttemptAt, r.LastStatusCode, r.LastError,
        r.AttemptLog.Select(a => new AttemptView(a.Attempt, a.StartedAt, a.FinishedAt, a.Outcome, a.StatusCode, a.Error)).ToList());
}
