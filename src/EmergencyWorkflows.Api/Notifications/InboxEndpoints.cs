using EmergencyWorkflows.Api.Auth;
using EmergencyWorkflows.Api.Errors;
using EmergencyWorkflows.Emergency.Notifications.Inbox;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EmergencyWorkflows.Api.Notifications;

/// <summary>The in-app inbox. The member is named in the request for now; it will be the signed-in user.</summary>
internal static class InboxEndpoints
{
    public static IEndpointRouteBuilder MapInbox(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/inbox").WithTags("Inbox").RequireAuthorization(AuthPolicies.Responder);
        group.MapGet("/", ListAsync);
        group.MapPost("/read", MarkReadAsync);
        return app;
    }

    private static async Task<Results<Ok<List<InboxItemView>>, ProblemHttpResult>> ListAsync(
        string? memberId, bool? unreadOnly, IInbox inbox, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(memberId))
        {
            return Problems.BadRequest("memberId is required: GET /api/inbox?memberId=<team member id>[&unreadOnly=true].");
        }

        var items = await inbox.ForRecipientAsync(memberId, unreadOnly ?? false, cancellationToken);
        return TypedResults.Ok(items.Select(InboxItemView.From).ToList());
    }

    /// <summary>Item ids are notification dedup keys (they hold '/'), so they travel in the body, not the path.</summary>
    private static async Task<Results<Ok<MarkReadResult>, ProblemHttpResult>> MarkReadAsync(
        MarkReadBody? body, IInbox inbox, TimeProvider time, CancellationToken cancellationToken)
    {
        if (body is null || string.IsNullOrWhiteSpace(body.MemberId) || body.ItemIds is not { Count: > 0 } ids || ids.Any(string.IsNullOrWhiteSpace))
        {
            return Problems.BadRequest("The body must name memberId and a non-empty itemIds list (no blank ids).");
        }

        var now = time.GetUtcNow();
        var notFound = new List<string>();
        foreach (var itemId in ids.Distinct(StringComparer.Ordinal))
        {
            if (!await inbox.MarkReadAsync(itemId, body.MemberId, now, cancellationToken))
            {
                notFound.Add(itemId);
            }
        }

        if (notFound.Count == ids.Distinct(StringComparer.Ordinal).Count())
        {
            return Problems.NotFound($"Member '{body.MemberId}' has none of these inbox items.");
        }

        return TypedResults.Ok(new MarkReadResult(ids.Distinct(StringComparer.Ordinal).Count() - notFound.Count, notFound));
    }
}

internal sealed record MarkReadBody(string? MemberId, List<string>? ItemIds);

internal sealed record MarkReadResult(int Marked, IReadOnlyList<string> NotFound);

internal sealed record InboxItemView(string Id, string IncidentId, string Subject, string Text, string AckUrl, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt)
{
    public static InboxItemView From(InboxItem i) => new(i.Id, i.IncidentId, i.Subject, i.Text, i.AckUrl.AbsoluteUri, i.CreatedAt, i.ReadAt);
}
