using System.Text.Encodings.Web;
using EmergencyWorkflows.Api.Errors;
using EmergencyWorkflows.Emergency.Activities;
using EmergencyWorkflows.Emergency.Notifications;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EmergencyWorkflows.Api.Incidents;

/// <summary>
/// The acknowledge link from a notification: the signed token names the incident and the member, so the link itself
/// is the credential (it expires; a tampered one is refused before anything in it is trusted). Opening the link (GET)
/// only shows a page with one Acknowledge button: mail scanners and link previews fetch links, and must not
/// acknowledge for the responder. The button (POST) records the acknowledgement.
/// </summary>
internal static class AckLinkEndpoints
{
    public static IEndpointRouteBuilder MapAckLinks(this IEndpointRouteBuilder app)
    {
        // The signed link is the credential: no sign-in, so a responder can acknowledge from a phone's mail app.
        var group = app.MapGroup("/api/ack").WithTags("Incidents").AllowAnonymous();
        group.MapGet("/", Confirm);
        group.MapPost("/", AcknowledgeAsync);
        return app;
    }

    private static Results<ContentHttpResult, ProblemHttpResult> Confirm(string? t, string? token, AckLinkSigner signer, TimeProvider time)
    {
        var value = t ?? token;
        if (Refusal(value, signer, time, out var verification) is { } refused)
        {
            return refused;
        }

        var incident = HtmlEncoder.Default.Encode(verification.IncidentId!);
        var action = "/api/ack?t=" + HtmlEncoder.Default.Encode(Uri.EscapeDataString(value!));
        return TypedResults.Content(Html(
            $"确认响应事件 {incident}？ / Acknowledge incident {incident}?",
            $"""
            <p>应急小组须在5分钟内到达现场或启动远程响应。按下按钮即表示您已开始响应。</p>
            <p>The emergency team must arrive on site or start a remote response within 5 minutes. Pressing the button records that you have started responding.</p>
            <form method="post" action="{action}"><button type="submit">确认响应 / Acknowledge</button></form>
            """), "text/html; charset=utf-8");
    }

    private static async Task<IResult> AcknowledgeAsync(
        HttpRequest request, string? t, string? token, AckLinkSigner signer, TimeProvider time, IncidentResponder responder, CancellationToken cancellationToken)
    {
        if (Refusal(t ?? token, signer, time, out var verification) is { } refused)
        {
            return refused;
        }

        var outcome = await responder.RespondAsync(verification.IncidentId!,
            new IncidentResponse(ResponseKind.Acknowledge, verification.MemberId, null, "link"), null, cancellationToken);
        var answer = IncidentEndpoints.ToHttp(outcome);
        if (!request.HasFormContentType || answer.Result is not Ok<ResponseAnswer>)
        {
            return answer;
        }

        // The confirmation page's button: answer the person with a page, not JSON.
        var incident = HtmlEncoder.Default.Encode(verification.IncidentId!);
        return TypedResults.Content(Html(
            $"已确认响应 / Acknowledged",
            $"""
            <p>事件 {incident} 的响应已记录。/ Your acknowledgement of incident {incident} is recorded.</p>
            <p><a href="/incidents/{Uri.EscapeDataString(verification.IncidentId!)}">查看事件 / Open the incident</a></p>
            """), "text/html; charset=utf-8");
    }

    private static ProblemHttpResult? Refusal(string? value, AckLinkSigner signer, TimeProvider time, out AckLinkVerification verification)
    {
        verification = default!;
        if (string.IsNullOrEmpty(value))
        {
            return Problems.BadRequest("The acknowledge link has no token (expected ?t=<token>).");
        }

        verification = signer.Verify(value, time.GetUtcNow());
        return verification.Status switch
        {
            AckLinkStatus.Tampered => Problems.BadRequest("This acknowledge link is not valid: it was altered or was not issued by this service."),
            AckLinkStatus.Expired => Problems.Result(StatusCodes.Status410Gone,
                $"This acknowledge link expired at {verification.ExpiresAt:u}; acknowledge incident '{verification.IncidentId}' in the app instead."),
            _ => null,
        };
    }

    private static string Html(string title, string body) => $"""
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head><meta charset="utf-8"/><meta name="viewport" content="width=device-width, initial-scale=1"/><title>{title}</title>
        <link rel="stylesheet" href="/css/site.css"/></head>
        <body><main><h1>{title}</h1>
        {body}
        </main></body>
        </html>
        """;
}
