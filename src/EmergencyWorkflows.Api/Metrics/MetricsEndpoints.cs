using EmergencyWorkflows.Api.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EmergencyWorkflows.Api.Metrics;

/// <summary>GET /api/metrics: the emergency team's response metrics, the JSON twin of the /metrics page (team leads).</summary>
internal static class MetricsEndpoints
{
    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/metrics", GetAsync).WithTags("Metrics").RequireAuthorization(AuthPolicies.TeamLead);
        return app;
    }

    internal static async Task<Results<Ok<MetricsAnswer>, ValidationProblem>> GetAsync(
        string? from, string? to, string? category, string? grade, MetricsQuery metrics, CancellationToken cancellationToken)
    {
        var (filter, errors) = MetricsFilter.Parse(from, to, category, grade, metrics.Now, metrics.Zone);
        if (filter is null)
        {
            return TypedResults.ValidationProblem(errors, detail: "The metrics query is not valid: " + string.Join(" ", errors.Values.SelectMany(e => e)));
        }

        return TypedResults.Ok(await metrics.RunAsync(filter, cancellationToken));
    }
}
