using EmergencyWorkflows.Api.Auth;
using EmergencyWorkflows.Api.Errors;
using EmergencyWorkflows.Persistence;
using EmergencyWorkflows.Persistence.Team;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EmergencyWorkflows.Api.Team;

/// <summary>The emergency team's members (plan §2): roles and contact channels, kept in the database.</summary>
internal static class TeamMemberEndpoints
{
    public static IEndpointRouteBuilder MapTeamMembers(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/team/members").WithTags("Team").RequireAuthorization(AuthPolicies.Responder);
        group.MapGet("/", ListAsync);
        group.MapGet("/{id}", GetAsync);
        group.MapPost("/", CreateAsync).RequireAuthorization(AuthPolicies.TeamLead);
        group.MapPut("/{id}", UpdateAsync).RequireAuthorization(AuthPolicies.TeamLead);
        group.MapDelete("/{id}", DeleteAsync).RequireAuthorization(AuthPolicies.TeamLead);
        return app;
    }

    private static IQueryable<TeamMemberRecord> Members(WorkflowsDbContext db) =>
        db.TeamMembers.AsNoTracking().AsSplitQuery().Include(m => m.Roles).Include(m => m.ImAccounts);

    internal static async Task<Ok<List<MemberView>>> ListAsync(WorkflowsDbContext db, CancellationToken cancellationToken)
    {
        var members = await Members(db).OrderBy(m => m.Position).ThenBy(m => m.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(members.Select(MemberView.From).ToList());
    }

    internal static async Task<Results<Ok<MemberView>, ProblemHttpResult>> GetAsync(string id, WorkflowsDbContext db, CancellationToken cancellationToken)
    {
        var member = await Members(db).SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        return member is null ? Problems.NotFound($"No team member '{id}' exists.") : TypedResults.Ok(MemberView.From(member));
    }

    internal static async Task<Results<Created<MemberView>, ProblemHttpResult>> CreateAsync(
        MemberBody? body, WorkflowsDbContext db, DatabaseEmergencyDirectory directory, TimeProvider time, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var member = TeamValidation.ToMember(body, routeId: null, problems);
        if (member is null)
        {
            return TeamProblems.Invalid("team member", problems);
        }

        if (await db.TeamMembers.AnyAsync(m => m.Id == member.Id, cancellationToken))
        {
            return Problems.Conflict($"A team member '{member.Id}' already exists; use PUT /api/team/members/{member.Id} to change it.");
        }

        var position = (await db.TeamMembers.MaxAsync(m => (int?)m.Position, cancellationToken) ?? -1) + 1;
        var record = TeamMapping.ToRecord(member, position, time.GetUtcNow());
        db.TeamMembers.Add(record);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Problems.Conflict($"A team member '{member.Id}' was created at the same time.");
        }

        await directory.RefreshAsync(cancellationToken);
        return TypedResults.Created($"/api/team/members/{Uri.EscapeDataString(member.Id)}", MemberView.From(record));
    }

    internal static async Task<Results<Ok<MemberView>, ProblemHttpResult>> UpdateAsync(
        string id, MemberBody? body, WorkflowsDbContext db, DatabaseEmergencyDirectory directory, TimeProvider time, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var member = TeamValidation.ToMember(body, id, problems);
        if (member is null)
        {
            return TeamProblems.Invalid("team member", problems);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var record = await db.TeamMembers.SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (record is null)
        {
            return Problems.NotFound($"No team member '{id}' exists; create it with POST /api/team/members.");
        }

        var replacement = TeamMapping.ToRecord(member, record.Position, time.GetUtcNow());
        await db.Set<TeamMemberRoleRecord>().Where(r => r.MemberId == id).ExecuteDeleteAsync(cancellationToken);
        await db.Set<TeamMemberImAccountRecord>().Where(a => a.MemberId == id).ExecuteDeleteAsync(cancellationToken);
        record.DisplayName = replacement.DisplayName;
        record.Department = replacement.Department;
        record.Phone = replacement.Phone;
        record.Email = replacement.Email;
        record.UpdatedAt = replacement.UpdatedAt;
        db.AddRange(replacement.Roles);
        db.AddRange(replacement.ImAccounts);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        await directory.RefreshAsync(cancellationToken);
        replacement.CreatedAt = record.CreatedAt;
        return TypedResults.Ok(MemberView.From(replacement));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string id, WorkflowsDbContext db, DatabaseEmergencyDirectory directory, CancellationToken cancellationToken)
    {
        if (!await db.TeamMembers.AnyAsync(m => m.Id == id, cancellationToken))
        {
            return Problems.NotFound($"No team member '{id}' exists.");
        }

        var rotations = await db.Set<RotationMemberRecord>().Where(m => m.MemberId == id).Select(m => m.RotationId)
            .Union(db.Set<RotationOverrideRecord>().Where(o => o.MemberId == id).Select(o => o.RotationId))
            .Union(db.Set<RotationLeaveRecord>().Where(l => l.MemberId == id).Select(l => l.RotationId))
            .ToListAsync(cancellationToken);
        var policies = await db.Set<EscalationTargetRecord>()
            .Where(t => t.Kind == TeamMapping.PersonKind && t.Ref == id)
            .Select(t => t.PolicyId).Distinct().ToListAsync(cancellationToken);
        if (rotations.Count > 0 || policies.Count > 0)
        {
            var where = rotations.Select(r => $"rotation '{r}'").Concat(policies.Select(p => $"escalation policy '{p}'"));
            return Problems.Conflict($"Team member '{id}' is still named in {string.Join(", ", where.Order(StringComparer.Ordinal))}; remove them there first.");
        }

        await db.TeamMembers.Where(m => m.Id == id).ExecuteDeleteAsync(cancellationToken);
        await directory.RefreshAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
