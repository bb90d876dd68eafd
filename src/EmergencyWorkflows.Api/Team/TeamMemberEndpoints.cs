using System.Security.Claims;
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
    private const int MaxReasonLength = 400;

    public static IEndpointRouteBuilder MapTeamMembers(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/team/members").WithTags("Team").RequireAuthorization(AuthPolicies.Responder);
        group.MapGet("/", ListAsync);
        group.MapGet("/{id}", GetAsync);
        group.MapPost("/", CreateAsync).RequireAuthorization(AuthPolicies.TeamLead);
        group.MapPut("/{id}", UpdateAsync).RequireAuthorization(AuthPolicies.TeamLead);
        group.MapDelete("/{id}", DeleteAsync).RequireAuthorization(AuthPolicies.TeamLead);
        group.MapPost("/{id}/deactivate", DeactivateAsync).RequireAuthorization(AuthPolicies.TeamLead);
        group.MapPost("/{id}/reactivate", ReactivateAsync).RequireAuthorization(AuthPolicies.TeamLead);
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
        var history = await HistoryOfAsync(id, db, cancellationToken);
        if (history.Count > 0)
        {
            // Deleting would orphan the record of what they did and were told; deactivation keeps it.
            return Problems.Conflict(
                $"Team member '{id}' appears in the history ({string.Join(", ", history)}); deleting them would lose it. " +
                $"Deactivate them instead: POST /api/team/members/{id}/deactivate.");
        }

        if (rotations.Count > 0 || policies.Count > 0)
        {
            var where = rotations.Select(r => $"rotation '{r}'").Concat(policies.Select(p => $"escalation policy '{p}'"));
            return Problems.Conflict($"Team member '{id}' is still named in {string.Join(", ", where.Order(StringComparer.Ordinal))}; remove them there first, or deactivate them (POST /api/team/members/{id}/deactivate).");
        }

        await db.TeamMembers.Where(m => m.Id == id).ExecuteDeleteAsync(cancellationToken);
        await directory.RefreshAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>Where a member id is on record: incidents worked on or reported, notifications, inbox, timeline, actions.</summary>
    private static async Task<List<string>> HistoryOfAsync(string id, WorkflowsDbContext db, CancellationToken cancellationToken)
    {
        var found = new List<string>();
        void Add(int count, string what)
        {
            if (count > 0)
            {
                found.Add(FormattableString.Invariant($"{count} {what}"));
            }
        }

        Add(await db.IncidentParticipants.Where(p => p.Who == id).Select(p => p.IncidentId).Distinct().CountAsync(cancellationToken), "incident(s) as participant");
        Add(await db.Incidents.CountAsync(i => i.ReportedByMemberId == id, cancellationToken), "incident(s) reported");
        Add(await db.NotificationDeliveries.CountAsync(n => n.RecipientId == id, cancellationToken), "notification(s)");
        Add(await db.InboxItems.CountAsync(n => n.RecipientId == id, cancellationToken), "inbox item(s)");
        Add(await db.IncidentTimeline.CountAsync(t => t.Actor == id, cancellationToken), "timeline entr(ies)");
        Add(await db.ImprovementActions.CountAsync(a => a.OwnerId == id, cancellationToken), "improvement action(s)");
        Add(await db.Set<RotationOverrideRecord>().CountAsync(o => o.MemberId == id, cancellationToken)
            + await db.Set<RotationLeaveRecord>().CountAsync(l => l.MemberId == id, cancellationToken), "swap(s) or leave(s)");
        return found;
    }

    /// <summary>Keeps the member and their history, takes them out of paging, on-call and task assignment; records who,
    /// when and why. Deactivating a deactivated member changes nothing (a retry is safe).</summary>
    internal static async Task<Results<Ok<MemberView>, ProblemHttpResult>> DeactivateAsync(
        string id, DeactivateBody? body, ClaimsPrincipal user, WorkflowsDbContext db, DatabaseEmergencyDirectory directory, TimeProvider time,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var reason = body?.Reason?.Trim();
        if (reason?.Length > MaxReasonLength)
        {
            return TeamProblems.Invalid("deactivation", [$"'reason' is at most {MaxReasonLength} characters."]);
        }

        var record = await db.TeamMembers.SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (record is null)
        {
            return Problems.NotFound($"No team member '{id}' exists.");
        }

        if (record.Active)
        {
            var now = time.GetUtcNow();
            record.DeactivatedAt = now;
            record.DeactivatedBy = user.UserNameOf() ?? "unknown";
            record.DeactivationReason = string.IsNullOrEmpty(reason) ? null : reason;
            record.UpdatedAt = now;
            await db.SaveChangesAsync(cancellationToken);
            await directory.RefreshAsync(cancellationToken);
            loggers.CreateLogger(typeof(TeamMemberEndpoints)).LogInformation("Team member {MemberId} deactivated by {UserName}", id, record.DeactivatedBy);
        }

        return TypedResults.Ok(MemberView.From(await Members(db).SingleAsync(m => m.Id == id, cancellationToken)));
    }

    /// <summary>Brings a deactivated member back into paging, rotations and task assignment; records who and when.</summary>
    internal static async Task<Results<Ok<MemberView>, ProblemHttpResult>> ReactivateAsync(
        string id, ClaimsPrincipal user, WorkflowsDbContext db, DatabaseEmergencyDirectory directory, TimeProvider time,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var record = await db.TeamMembers.SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (record is null)
        {
            return Problems.NotFound($"No team member '{id}' exists.");
        }

        if (!record.Active)
        {
            var now = time.GetUtcNow();
            record.DeactivatedAt = null;
            record.ReactivatedAt = now;
            record.ReactivatedBy = user.UserNameOf() ?? "unknown";
            record.UpdatedAt = now;
            await db.SaveChangesAsync(cancellationToken);
            await directory.RefreshAsync(cancellationToken);
            loggers.CreateLogger(typeof(TeamMemberEndpoints)).LogInformation("Team member {MemberId} reactivated by {UserName}", id, record.ReactivatedBy);
        }

        return TypedResults.Ok(MemberView.From(await Members(db).SingleAsync(m => m.Id == id, cancellationToken)));
    }
}
