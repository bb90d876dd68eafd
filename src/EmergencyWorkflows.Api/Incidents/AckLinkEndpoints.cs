using EmergencyWorkflows.Api.Errors;
using EmergencyWorkflows.Emergency.Activities;
using EmergencyWorkflows.Emergency.Notifications;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EmergencyWorkflows.Api.Incidents;

/// <summary>
/// The one-click acknowledge link from a notification: the signed token names the incident and the member, so the
/// link itself is the credential (it expires; a tampered one is refused before anything in it is trusted).
/// </summary>
internal static class AckLinkEndpoints
{
    public static IEndpointRouteBuilder MapAckLinks(this IEndpointRouteBuilder app)
    {
        // The signed link is the credential: no sign-in, so a responder can acknowledge from a phone's mail app.
        var group = app.MapGroup("/api/ack").WithTags("Incidents").AllowAnonymous();
        group.MapGet("/", AcknowledgeAsync);
        group.MapPost("/", AcknowledgeAsync);
        return app;
    }

    private static async Task<Results<Ok<ResponseAnswer>, ProblemHttpResult>> AcknowledgeAsync(
        string? t, string? token, AckLinkSigner signer, TimeProvider time, IncidentResponder responder, CancellationToken cancellationToken)
    {
        var value = t ?? token;
        if (string.IsNullOrEmpty(value))
        {
            return Problems.BadRequest("The acknowledge link has no token (expected ?t=<token>).");
        }

        var verification = signer.Verify(value, time.GetUtcNow());
        switch (verification.Status)
        {
            case AckLinkStatus.Tampered:
                return Problems.BadRequest("This acknowledge link is not valid: it was altered or was not issued by this service.");
            case AckLinkStatus.Expired:
                return Problems.Result(StatusCodes.Status410Gone,
                    $"This acknowledge link expired at {verification.ExpiresAt:u}; acknowledge incident '{verification.IncidentId}' in the app instead.");
        }

        var outcome = await responder.RespondAsync(verification.IncidentId!,
            new IncidentResponse(ResponseKind.Acknowledge, verification.MemberId, null, "link"), cancellationToken);
        return IncidentEndpoints.ToHttp(outcome);
    }
}
