using EmergencyWorkflows.Api.Auth;
using EmergencyWorkflows.Api.Errors;
using EmergencyWorkflows.Persistence;
using EmergencyWorkflows.Persistence.Team;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EmergencyWorkflows.Api.Team;

/// <summary>Escalation policies, editable by HR. Every edit raises the version; running incidents keep their snapshot.</summary>
internal static class EscalationPolicyEndpoints
{
    public static IEndpointRouteBuilder MapEscalationPolicies(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/team/policies").WithTags("Escalation").RequireAuthorization(AuthPolicies.Responder);
        group.MapGet("/", ListAsync);
        group.MapGet("/{id}", GetAsync);
        group.MapPost("/", CreateAsync).RequireAuthorization(AuthPolicies.TeamLead);
        group.MapPut("/{id}", UpdateAsync).RequireAuthorization(AuthPolicies.TeamLead);
        group.MapDelete("/{id}", DeleteAsync).RequireAuthorization(AuthPolicies.TeamLead);
        return app;
    }

    private static IQueryable<EscalationPolicyRecord> Policies(WorkflowsDbContext db) =>
        db.EscalationPolicies.AsNoTracking().AsSplitQuery().Include(p => p.Tiers).ThenInclude(t => t.Targets);

    internal static async Task<Ok<List<PolicyView>>> ListAsync(WorkflowsDbContext db, CancellationToken cancellationToken)
    {
        var policies = await Policies(db).OrderBy(p => p.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(policies.Select(PolicyView.From).ToList());
    }

    internal static async Task<Results<Ok<PolicyView>, ProblemHttpResult>> GetAsync(string id, WorkflowsDbContext db, CancellationToken cancellationToken)
    {
        var policy = await Policies(db).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        return policy is null ? Problems.NotFound($"No escalation policy '{id}' exists.") : TypedResults.Ok(PolicyView.From(policy));
    }

    internal static async Task<Results<Created<PolicyView>, ProblemHttpResult>> CreateAsync(
        PolicyBody? body, WorkflowsDbContext db, DatabaseEmergencyDirectory directory, TimeProvider time, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var policy = TeamValidation.ToPolicy(body, routeId: null, version: 1,
            await RotationEndpoints.MemberIdsAsync(db, cancellationToken), await RotationIdsAsync(db, cancellationToken), problems);
        if (policy is null)
        {
            return TeamProblems.Invalid("escalation policy", problems);
        }

        if (await db.EscalationPolicies.AnyAsync(p => p.Id == policy.Id, cancellationToken))
        {
            return Problems.Conflict($"An escalation policy '{policy.Id}' already exists; use PUT /api/team/policies/{policy.Id} to change it.");
        }

        var record = TeamMapping.ToRecord(policy, time.GetUtcNow());
        db.EscalationPolicies.Add(record);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Problems.Conflict($"An escalation policy '{policy.Id}' was created at the same time.");
        }

        await directory.RefreshAsync(cancellationToken);
        return TypedResults.Created($"/api/team/policies/{Uri.EscapeDataString(policy.Id)}", PolicyView.From(record));
    }

    internal static async Task<Results<Ok<PolicyView>, ProblemHttpResult>> UpdateAsync(
        string id, PolicyBody? body, WorkflowsDbContext db, DatabaseEmergencyDirectory directory, TimeProvider time, CancellationToken cancellationToken)
    {
        var memberIds = await RotationEndpoints.MemberIdsAsync(db, cancellationToken);
        var rotationIds = await RotationIdsAsync(db, cancellationToken);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var record = await db.EscalationPolicies.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
            if (record is null)
            {
                return Problems.NotFound($"No escalation policy '{id}' exists; create it with POST /api/team/policies.");
            }

            var problems = new List<string>();
            var policy = TeamValidation.ToPolicy(body, id, record.Version + 1, memberIds, rotationIds, problems);
            if (policy is null)
            {
                return TeamProblems.Invalid("escalation policy", problems);
            }

            // Targets go with their tiers (cascade).
            await db.Set<EscalationTierRecord>().Where(t => t.PolicyId == id).ExecuteDeleteAsync(cancellationToken);
            record.Name = policy.Name;
            record.Version = policy.Version;
            record.UpdatedAt = time.GetUtcNow();
            db.AddRange(TeamMapping.TiersOf(id, policy.Tiers));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await directory.RefreshAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return TypedResults.Ok(PolicyView.From(await Policies(db).SingleAsync(p => p.Id == id, cancellationToken)));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string id, WorkflowsDbContext db, DatabaseEmergencyDirectory directory, CancellationToken cancellationToken)
    {
        var deleted = await db.EscalationPolicies.Where(p => p.Id == id).ExecuteDeleteAsync(cancellationToken);
        if (deleted == 0)
        {
            return Problems.NotFound($"No escalation policy '{id}' exists.");
        }

        await directory.RefreshAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<HashSet<string>> RotationIdsAsync(WorkflowsDbContext db, CancellationToken cancellationToken) =>
        (await db.Rotations.Select(r => r.Id).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
}
