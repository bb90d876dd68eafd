using System.Text.Json.Nodes;
using EmergencyWorkflows.Api.Auth;
using EmergencyWorkflows.Api.Instances;
using EmergencyWorkflows.Runtime.Execution;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EmergencyWorkflows.Api.Bookmarks;

internal static class BookmarkEndpoints
{
    public static IEndpointRouteBuilder MapBookmarks(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/bookmarks/{bookmarkId}/resume", ResumeAsync).WithTags("Bookmarks").RequireAuthorization(AuthPolicies.Responder);
        return app;
    }

    private static async Task<Results<Ok<InstanceView>, ProblemHttpResult>> ResumeAsync(
        string bookmarkId, ResumeBookmarkBody? body, IWorkflowRuntime runtime, ResumeAnswers answers, CancellationToken cancellationToken)
    {
        var result = await runtime.ResumeBookmarkAsync(bookmarkId, body?.Input, cancellationToken);
        return await answers.ToHttpAsync(
            result,
            notFound: $"No bookmark '{bookmarkId}' exists.",
            alreadyConsumed: $"Bookmark '{bookmarkId}' has already been consumed by another resumption; nothing was changed.",
            cancellationToken);
    }
}

internal sealed record ResumeBookmarkBody(JsonObject? Input);
