using EmergencyWorkflows.Emergency.Escalation;
using EmergencyWorkflows.Emergency.Liaison;
using EmergencyWorkflows.Emergency.OnCall;
using EmergencyWorkflows.Emergency.Team;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EmergencyWorkflows.Persistence.Team;

/// <summary>
/// The emergency directory kept in the database. Readers get an immutable in-memory copy (workflow activities read it
/// synchronously inside a burst); <see cref="RefreshAsync"/> replaces the copy atomically. The API calls it after every
/// edit; a background loop calls it every few seconds so that edits made on another node arrive too.
/// </summary>
public sealed class DatabaseEmergencyDirectory(
    IDbContextFactory<WorkflowsDbContext> contexts, TimeProvider time, ILogger<DatabaseEmergencyDirectory> logger) : IEmergencyDirectory
{
    public const string SeedId = "emergency-directory";

    private volatile Snapshot current = Snapshot.Empty;

    public Roster Roster => current.Roster;

    public IReadOnlyList<Rotation> Rotations => current.Rotations;

    public IReadOnlyList<EscalationPolicy> Policies => current.Policies;

    /// <summary>Changes whenever a member, rotation, swap, leave or policy was added, changed or removed (live pages
    /// compare it); the same data gives the same text on every node.</summary>
    public string Fingerprint => current.Fingerprint;

    /// <summary>When the copy was last loaded (null before the first load).</summary>
    public DateTimeOffset? LoadedAt => current.LoadedAt;

    public EscalationPolicy? FindPolicy(string policyId) => current.PoliciesById.GetValueOrDefault(policyId);

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var members = await db.Set<TeamMemberRecord>().AsNoTracking().AsSplitQuery()
            .Include(m => m.Roles).Include(m => m.ImAccounts)
            .OrderBy(m => m.Position).ThenBy(m => m.Id)
            .ToListAsync(cancellationToken);
        var rotations = await db.Set<RotationRecord>().AsNoTracking().AsSplitQuery()
            .Include(r => r.Members).Include(r => r.Overrides).Include(r => r.Leaves)
            .OrderBy(r => r.Id)
            .ToListAsync(cancellationToken);
        var policies = await db.Set<EscalationPolicyRecord>().AsNoTracking().AsSplitQuery()
            .Include(p => p.Tiers).ThenInclude(t => t.Targets)
            .OrderBy(p => p.Id)
            .ToListAsync(cancellationToken);

        var domainPolicies = policies.Select(TeamMapping.ToDomain).ToArray();
        var inactive = members.Where(m => !m.Active).Select(m => m.Id).ToArray();
        current = new Snapshot(
            new Roster(members.Select(TeamMapping.ToDomain)),
            rotations.Select(r => TeamMapping.ToDomain(r, inactive)).ToArray(),
            domainPolicies,
            domainPolicies.ToDictionary(p => p.Id, StringComparer.Ordinal),
            time.GetUtcNow(),
            FingerprintOf(members, rotations, policies));
    }

    /// <summary>
    /// Writes the configured team, rotations and policies the first time the database is used, and never again
    /// (HR's later edits, deletions included, are not undone by a restart). False when it had already been seeded.
    /// </summary>
    public async Task<bool> SeedOnceAsync(
        IReadOnlyList<TeamMember> members, IReadOnlyList<Rotation> rotations, IReadOnlyList<EscalationPolicy> policies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(rotations);
        ArgumentNullException.ThrowIfNull(policies);
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Set<EmergencySeedRecord>().AnyAsync(s => s.Id == SeedId, cancellationToken))
        {
            return false;
        }

        db.Set<EmergencySeedRecord>().Add(new EmergencySeedRecord { Id = SeedId, SeededAt = now });
        db.Set<TeamMemberRecord>().AddRange(members.Select((m, i) => TeamMapping.ToRecord(m, i, now)));
        db.Set<RotationRecord>().AddRange(rotations.Select(r => TeamMapping.ToRecord(r, now)));
        db.Set<EscalationPolicyRecord>().AddRange(policies.Select(p => TeamMapping.ToRecord(p, now)));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            if (await AlreadySeededAsync(cancellationToken))
            {
                // Another node seeded at the same moment; its seed stands.
                return false;
            }

            throw;
        }

        logger.LogInformation(
            "Emergency directory seeded from configuration: {MemberCount} members, {RotationCount} rotations, {PolicyCount} policies",
            members.Count, rotations.Count, policies.Count);
        return true;
    }

    private async Task<bool> AlreadySeededAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<EmergencySeedRecord>().AnyAsync(s => s.Id == SeedId, cancellationToken);
    }

    private static string FingerprintOf(List<TeamMemberRecord> members, List<RotationRecord> rotations, List<EscalationPolicyRecord> policies)
    {
        static long Latest(IEnumerable<DateTimeOffset> times) => times.Select(t => t.UtcTicks).DefaultIfEmpty(0).Max();
        var overrides = rotations.SelectMany(r => r.Overrides).ToList();
        var leaves = rotations.SelectMany(r => r.Leaves).ToList();
        return FormattableString.Invariant(
            $"{members.Count}.{Latest(members.Select(m => m.UpdatedAt))}.{members.Count(m => !m.Active)}.{rotations.Count}.{Latest(rotations.Select(r => r.UpdatedAt))}.{overrides.Count}.{Latest(overrides.Select(o => o.CreatedAt))}.{leaves.Count}.{Latest(leaves.Select(l => l.CreatedAt))}.{policies.Count}.{policies.Sum(p => (long)p.Version)}");
    }

    private sealed record Snapshot(
        Roster Roster,
        IReadOnlyList<Rotation> Rotations,
        IReadOnlyList<EscalationPolicy> Policies,
        IReadOnlyDictionary<string, EscalationPolicy> PoliciesById,
        DateTimeOffset? LoadedAt,
        string Fingerprint)
    {
        public static Snapshot Empty { get; } = new(Roster.Empty, [], [], new Dictionary<string, EscalationPolicy>(), null, string.Empty);
    }
}
