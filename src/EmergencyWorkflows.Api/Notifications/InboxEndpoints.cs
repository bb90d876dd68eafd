using System.Security.Claims;
using EmergencyWorkflows.Api.Auth;
using EmergencyWorkflows.Api.Errors;
using EmergencyWorkflows.Api.Incidents;
using EmergencyWorkflows.Emergency.Notifications.Inbox;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EmergencyWorkflows.Api.Notifications;

/// <summary>
/// The in-app inbox of the signed-in user: every employee has one (affected employees get announcements there), read
/// under their member id and their user name. Team leads, department heads and admins may name another member's inbox
/// (<c>memberId</c>); anyone else naming one that is not theirs gets 403.
/// </summary>
internal static class InboxEndpoints
{
    public static IEndpointRouteBuilder MapInbox(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/inbox").WithTags("Inbox").RequireAuthorization(AuthPolicies.Reporter);
        group.MapGet("/", ListAsync);
        group.MapPost("/read", MarkReadAsync);
        return app;
    }

    private static async Task<Results<Ok<List<InboxItemView>>, ProblemHttpResult>> ListAsync(
        string? memberId, bool? unreadOnly, ClaimsPrincipal user, IInbox inbox, CancellationToken cancellationToken)
    {
        if (Owners(memberId, user) is not { } owners)
        {
            return Problems.Result(StatusCodes.Status403Forbidden, "You may read only your own inbox (leave out memberId).");
        }

        var items = new List<InboxItem>();
        foreach (var owner in owners)
        {
            items.AddRange(await inbox.ForRecipientAsync(owner, unreadOnly ?? false, cancellationToken));
        }

        return TypedResults.Ok(items.OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id, StringComparer.Ordinal).Select(InboxItemView.From).ToList());
    }

    /// <summary>The recipient ids to act on: the caller's own (member id, user name) when none is named; the named one
    /// when it is the caller's or the caller oversees every incident; null when the caller may not.</summary>
    private static string[]? Owners(string? memberId, ClaimsPrincipal user)
    {
        var own = IncidentAccess.IdentitiesOf(user);
        if (string.IsNullOrWhiteSpace(memberId))
        {
            return own;
        }

        return own.Contains(memberId, StringComparer.Ordinal) || IncidentAccess.SeesAll(user) ? [memberId] : null;
    }

    /// <summary>Item ids are notification dedup keys (they hold '/'), so they travel in the body, not the path.</summary>
    private static async Task<Results<Ok<MarkReadResult>, ProblemHttpResult>> MarkReadAsync(
        MarkReadBody? body, ClaimsPrincipal user, IInbox inbox, TimeProvider time, CancellationToken cancellationToken)
    {
        if (body is null || body.ItemIds is not { Count: > 0 } ids || ids.Any(string.IsNullOrWhiteSpace))
        {
            return Problems.BadRequest("The body must hold a non-empty itemIds list (no blank ids), and optionally memberId.");
        }

        if (Owners(body.MemberId, user) is not { } owners)
        {
            return Problems.Result(StatusCodes.Status403Forbidden, "You may mark only your own inbox items read (leave out memberId).");
        }

        var now = time.GetUtcNow();
        var notFound = new List<string>();
        foreach (var itemId in ids.Distinct(StringComparer.Ordinal))
        {
            var marked = false;
            foreach (var owner in owners)
            {
                marked |= await inbox.MarkReadAsync(itemId, owner, now, cancellationToken);
            }

            if (!marked)
            {
                notFound.Add(itemId);
            }
        }

        if (notFound.Count == ids.Distinct(StringComparer.Ordinal).Count())
        {
            return Problems.NotFound(string.IsNullOrWhiteSpace(body.MemberId)
                ? "Your inbox has none of these items."
                : $"Member '{body.MemberId}' has none of these inbox items.");
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
