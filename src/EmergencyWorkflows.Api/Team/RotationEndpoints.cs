using EmergencyWorkflows.Api.Auth;
using EmergencyWorkflows.Api.Errors;
using EmergencyWorkflows.Emergency.OnCall;
using EmergencyWorkflows.Persistence;
using EmergencyWorkflows.Persistence.Team;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EmergencyWorkflows.Api.Team;

/// <summary>On-call rotations, their swaps (overrides) and leave, and "who is on call now".</summary>
internal static class RotationEndpoints
{
    public static IEndpointRouteBuilder MapRotations(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/team").WithTags("On call").RequireAuthorization(AuthPolicies.Responder);
        group.MapGet("/on-call", OnCallAsync);
        group.MapGet("/rotations", ListAsync);
        group.MapGet("/rotations/{id}", GetAsync);
        group.MapPost("/rotations", CreateAsync).RequireAuthorization(AuthPolicies.TeamLead);
        group.MapPut("/rotations/{id}", UpdateAsync).RequireAuthorization(AuthPolicies.TeamLead);
        group.MapDelete("/rotations/{id}", DeleteAsync).RequireAuthorization(AuthPolicies.TeamLead);
        group.MapPost("/rotations/{id}/overrides", AddOverrideAsync).RequireAuthorization(AuthPolicies.TeamLead);
        group.MapDelete("/rotations/{id}/overrides/{overrideId}", DeleteOverrideAsync).RequireAuthorization(AuthPolicies.TeamLead);
        group.MapPost("/rotations/{id}/leaves", AddLeaveAsync).RequireAuthorization(AuthPolicies.TeamLead);
        group.MapDelete("/rotations/{id}/leaves/{leaveId}", DeleteLeaveAsync).RequireAuthorization(AuthPolicies.TeamLead);
        return app;
    }

    private static IQueryable<RotationRecord> Rotations(WorkflowsDbContext db) =>
        db.Rotations.AsNoTracking().AsSplitQuery().Include(r => r.Members).Include(r => r.Overrides).Include(r => r.Leaves);

    /// <summary>Who is on call in every rotation at <paramref name="at"/> (default: now), overrides and leave applied.</summary>
    internal static async Task<Ok<List<OnCallView>>> OnCallAsync(
        DateTimeOffset? at, WorkflowsDbContext db, DatabaseEmergencyDirectory directory, TimeProvider time, CancellationToken cancellationToken)
    {
        var instant = at ?? time.GetUtcNow();
        var rotations = await Rotations(db).OrderBy(r => r.Id).ToListAsync(cancellationToken);
        var inactive = await InactiveIdsAsync(db, cancellationToken);
        var views = rotations.Select(r =>
        {
            var memberId = OnCallResolver.WhoIsOnCall(TeamMapping.ToDomain(r, inactive), instant);
            var name = memberId is null ? null : directory.Roster.Find(memberId)?.DisplayName;
            return new OnCallView(r.Id, r.Name, instant, memberId, name);
        }).ToList();
        return TypedResults.Ok(views);
    }

    internal static async Task<Ok<List<RotationView>>> ListAsync(WorkflowsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var rotations = await Rotations(db).OrderBy(r => r.Id).ToListAsync(cancellationToken);
        var inactive = await InactiveIdsAsync(db, cancellationToken);
        return TypedResults.Ok(rotations.Select(r => RotationView.From(r, now, inactive)).ToList());
    }

    internal static async Task<Results<Ok<RotationView>, ProblemHttpResult>> GetAsync(
        string id, WorkflowsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var rotation = await Rotations(db).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        return rotation is null
            ? Problems.NotFound($"No rotation '{id}' exists.")
            : TypedResults.Ok(RotationView.From(rotation, time.GetUtcNow(), await InactiveIdsAsync(db, cancellationToken)));
    }

    internal static async Task<Results<Created<RotationView>, ProblemHttpResult>> CreateAsync(
        RotationBody? body, WorkflowsDbContext db, DatabaseEmergencyDirectory directory, TimeProvider time, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var rotation = TeamValidation.ToRotation(body, routeId: null, await MemberIdsAsync(db, cancellationToken), problems);
        if (rotation is null)
        {
            return TeamProblems.Invalid("rotation", problems);
        }

        if (await db.Rotations.AnyAsync(r => r.Id == rotation.Id, cancellationToken))
        {
            return Problems.Conflict($"A rotation '{rotation.Id}' already exists; use PUT /api/team/rotations/{rotation.Id} to change it.");
        }

        var now = time.GetUtcNow();
        var record = TeamMapping.ToRecord(rotation, now);
        db.Rotations.Add(record);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Problems.Conflict($"A rotation '{rotation.Id}' was created at the same time, or a member was removed meanwhile.");
        }

        await directory.RefreshAsync(cancellationToken);
        return TypedResults.Created($"/api/team/rotations/{Uri.EscapeDataString(rotation.Id)}", RotationView.From(record, now, await InactiveIdsAsync(db, cancellationToken)));
    }

    /// <summary>Replaces name, anchor, period and turn order; the rotation's overrides and leave are kept.</summary>
    internal static async Task<Results<Ok<RotationView>, ProblemHttpResult>> UpdateAsync(
        string id, RotationBody? body, WorkflowsDbContext db, DatabaseEmergencyDirectory directory, TimeProvider time, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var rotation = TeamValidation.ToRotation(body, id, await MemberIdsAsync(db, cancellationToken), problems);
        if (rotation is null)
        {
            return TeamProblems.Invalid("rotation", problems);
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var record = await db.Rotations.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
            if (record is null)
            {
                return Problems.NotFound($"No rotation '{id}' exists; create it with POST /api/team/rotations.");
            }

            await db.Set<RotationMemberRecord>().Where(m => m.RotationId == id).ExecuteDeleteAsync(cancellationToken);
            record.Name = rotation.Name;
            record.HandoffAnchor = rotation.HandoffAnchor;
            record.Period = rotation.Period;
            record.UpdatedAt = time.GetUtcNow();
            db.AddRange(TeamMapping.MembersOf(id, rotation.MemberIds));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await directory.RefreshAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return TypedResults.Ok(RotationView.From(
            await Rotations(db).SingleAsync(r => r.Id == id, cancellationToken), time.GetUtcNow(), await InactiveIdsAsync(db, cancellationToken)));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string id, WorkflowsDbContext db, DatabaseEmergencyDirectory directory, CancellationToken cancellationToken)
    {
        var policies = await db.Set<EscalationTargetRecord>()
            .Where(t => t.Kind == TeamMapping.RotationKind && t.Ref == id)
            .Select(t => t.PolicyId).Distinct().ToListAsync(cancellationToken);
        if (policies.Count > 0)
        {
            return Problems.Conflict($"Rotation '{id}' is a target of escalation policy {string.Join(", ", policies.Order(StringComparer.Ordinal).Select(p => $"'{p}'"))}; change the policy first.");
        }

        var deleted = await db.Rotations.Where(r => r.Id == id).ExecuteDeleteAsync(cancellationToken);
        if (deleted == 0)
        {
            return Problems.NotFound($"No rotation '{id}' exists.");
        }

        await directory.RefreshAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>A swap: any team member can stand in for whoever is scheduled in [from, until).</summary>
    internal static async Task<Results<Created<PeriodView>, ProblemHttpResult>> AddOverrideAsync(
        string id, PeriodBody? body, WorkflowsDbContext db, DatabaseEmergencyDirectory directory, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!await db.Rotations.AnyAsync(r => r.Id == id, cancellationToken))
        {
            return Problems.NotFound($"No rotation '{id}' exists.");
        }

        var problems = new List<string>();
        // A deactivated member cannot stand in: they are never on call.
        var period = TeamValidation.ToPeriod(body, await MemberIdsAsync(db, cancellationToken, activeOnly: true), "an active team member", problems);
        if (period is not { } p)
        {
            return TeamProblems.Invalid("override", problems);
        }

        var now = time.GetUtcNow();
        var record = new RotationOverrideRecord { Id = TeamMapping.NewId(), RotationId = id, MemberId = p.MemberId, From = p.From, Until = p.Until, CreatedAt = now };
        db.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        await directory.RefreshAsync(cancellationToken);
        return TypedResults.Created(
            $"/api/team/rotations/{Uri.EscapeDataString(id)}/overrides/{record.Id}", new PeriodView(record.Id, record.MemberId, record.From, record.Until, now));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteOverrideAsync(
        string id, string overrideId, WorkflowsDbContext db, DatabaseEmergencyDirectory directory, CancellationToken cancellationToken)
    {
        var deleted = await db.Set<RotationOverrideRecord>().Where(o => o.Id == overrideId && o.RotationId == id).ExecuteDeleteAsync(cancellationToken);
        if (deleted == 0)
        {
            return Problems.NotFound($"Rotation '{id}' has no override '{overrideId}'.");
        }

        await directory.RefreshAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>Leave: a member of the rotation is away in [from, until); the next member in turn order covers.</summary>
    internal static async Task<Results<Created<PeriodView>, ProblemHttpResult>> AddLeaveAsync(
        string id, PeriodBody? body, WorkflowsDbContext db, DatabaseEmergencyDirectory directory, TimeProvider time, CancellationToken cancellationToken)
    {
        var members = await db.Set<RotationMemberRecord>().Where(m => m.RotationId == id).Select(m => m.MemberId).ToListAsync(cancellationToken);
        if (members.Count == 0 && !await db.Rotations.AnyAsync(r => r.Id == id, cancellationToken))
        {
            return Problems.NotFound($"No rotation '{id}' exists.");
        }

        var problems = new List<string>();
        var period = TeamValidation.ToPeriod(body, members.ToHashSet(StringComparer.Ordinal), $"a member of rotation '{id}'", problems);
        if (period is not { } p)
        {
            return TeamProblems.Invalid("leave", problems);
        }

        var now = time.GetUtcNow();
        var record = new RotationLeaveRecord { Id = TeamMapping.NewId(), RotationId = id, MemberId = p.MemberId, From = p.From, Until = p.Until, CreatedAt = now };
        db.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        await directory.RefreshAsync(cancellationToken);
        return TypedResults.Created(
            $"/api/team/rotations/{Uri.EscapeDataString(id)}/leaves/{record.Id}", new PeriodView(record.Id, record.MemberId, record.From, record.Until, now));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteLeaveAsync(
        string id, string leaveId, WorkflowsDbContext db, DatabaseEmergencyDirectory directory, CancellationToken cancellationToken)
    {
        var deleted = await db.Set<RotationLeaveRecord>().Where(l => l.Id == leaveId && l.RotationId == id).ExecuteDeleteAsync(cancellationToken);
        if (deleted == 0)
        {
            return Problems.NotFound($"Rotation '{id}' has no leave '{leaveId}'.");
        }

        await directory.RefreshAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    internal static async Task<HashSet<string>> MemberIdsAsync(WorkflowsDbContext db, CancellationToken cancellationToken, bool activeOnly = false) =>
        (await db.TeamMembers.Where(m => !activeOnly || m.DeactivatedAt == null).Select(m => m.Id).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);

    /// <summary>The deactivated members, whom every rotation skips.</summary>
    internal static async Task<HashSet<string>> InactiveIdsAsync(WorkflowsDbContext db, CancellationToken cancellationToken) =>
        (await db.TeamMembers.Where(m => m.DeactivatedAt != null).Select(m => m.Id).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
}
