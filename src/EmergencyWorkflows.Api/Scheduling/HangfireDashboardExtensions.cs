using EmergencyWorkflows.Api.Auth;
using Hangfire;
using Hangfire.Dashboard;

namespace EmergencyWorkflows.Api.Scheduling;

internal static class HangfireDashboardExtensions
{
    /// <summary>
    /// The Hangfire dashboard at <c>/hangfire</c> over this host's job storage: anonymous callers get 401, admins may
    /// act (requeue, delete, trigger), every other signed-in user sees it read-only.
    /// </summary>
    public static IEndpointConventionBuilder MapJobDashboard(this WebApplication app)
    {
        var options = new DashboardOptions
        {
            DashboardTitle = "EmergencyWorkflows · Hangfire",
            AppPath = "/",
            DisplayStorageConnectionString = false,

            // Defence in depth behind the endpoint policy (and it replaces Hangfire's local-requests-only default).
            Authorization = [new SignedInUserFilter()],
            IsReadOnlyFunc = context => !context.GetHttpContext().User.IsInRole(AuthRoles.Admin),
        };
        return app.MapHangfireDashboard("/hangfire", options, app.Services.GetRequiredService<JobStorage>())
            .RequireAuthorization(AuthPolicies.Reporter);
    }

    private sealed class SignedInUserFilter : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) => context.GetHttpContext().User.Identity?.IsAuthenticated == true;
    }
}
