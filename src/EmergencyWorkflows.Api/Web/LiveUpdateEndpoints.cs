using EmergencyWorkflows.Api.Auth;

namespace EmergencyWorkflows.Api.Web;

/// <summary>
/// <c>GET /live</c>: server-sent events for the pages that refresh themselves (the lead's board, a responder's task
/// list). The stream says <c>changed</c> whenever <see cref="ChangeStamp"/> moves, and sends a comment every 15 s
/// so that proxies keep it open; the page then reloads its own fragment (wwwroot/js/site.js), so nothing a user may
/// not see travels over the stream.
/// </summary>
internal static class LiveUpdateEndpoints
{
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    public static IEndpointRouteBuilder MapLiveUpdates(this IEndpointRouteBuilder app)
    {
        app.MapGet("/live", StreamAsync).RequireAuthorization(AuthPolicies.Reporter).ExcludeFromDescription();
        return app;
    }

    private static async Task StreamAsync(HttpContext context, ChangeStamp stamp, TimeProvider time)
    {
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-store";
        response.Headers["X-Accel-Buffering"] = "no";
        var cancellationToken = context.RequestAborted;
        try
        {
            var last = await stamp.CurrentAsync(cancellationToken);
            await response.WriteAsync($"retry: 3000\nevent: ready\ndata: {last}\n\n", cancellationToken);
            await response.Body.FlushAsync(cancellationToken);
            var quietSince = time.GetUtcNow();
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(ChangeStamp.Interval, time, cancellationToken);
                var now = await stamp.CurrentAsync(cancellationToken);
                if (now != last)
                {
                    last = now;
                    quietSince = time.GetUtcNow();
                    await response.WriteAsync($"event: changed\ndata: {now}\n\n", cancellationToken);
                    await response.Body.FlushAsync(cancellationToken);
                }
                else if (time.GetUtcNow() - quietSince >= KeepAlive)
                {
                    quietSince = time.GetUtcNow();
                    await response.WriteAsync(": keep-alive\n\n", cancellationToken);
                    await response.Body.FlushAsync(cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The page went away.
        }
    }
}
