using System.Text.Json.Serialization;
using EmergencyWorkflows.Emergency.Incidents;

namespace EmergencyWorkflows.Emergency.Sla;

/// <summary>
/// The response SLA of one incident: starts when the report is received, met by an acknowledgement
/// ("remote response started") or an on-site arrival at or before the deadline. Every transition is idempotent
/// and takes the instant as an argument; the first acknowledgement and the first arrival are the ones recorded.
/// </summary>
public sealed record ResponseSla
{
    // Stored with the incident as JSON; the serializer uses this constructor and the init accessors.
    [JsonConstructor]
    private ResponseSla(DateTimeOffset reportedAt, DateTimeOffset deadline)
    {
        ReportedAt = reportedAt;
        Deadline = deadline;
    }

    public DateTimeOffset ReportedAt { get; init; }

    public DateTimeOffset Deadline { get; init; }

    public DateTimeOffset? AcknowledgedAt { get; init; }

    public DateTimeOffset? ArrivedAt { get; init; }

    public SlaState State { get; init; } = SlaState.Pending;

    public TimeSpan Target => Deadline - ReportedAt;

    public TimeSpan? TimeToAcknowledge => AcknowledgedAt - ReportedAt;

    public TimeSpan? TimeToArrive => ArrivedAt - ReportedAt;

    /// <summary>The first response of either kind.</summary>
    public DateTimeOffset? RespondedAt => (AcknowledgedAt, ArrivedAt) switch
    {
        ({ } ack, { } arrive) => ack <= arrive ? ack : arrive,
        ({ } ack, null) => ack,
        (null, { } arrive) => arrive,
        _ => null,
    };

    public static ResponseSla Start(DateTimeOffset reportedAt, TimeSpan target)
    {
        if (target <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(target), target, "A response target must be positive.");
        }

        return new ResponseSla(reportedAt, reportedAt + target);
    }

    public static ResponseSla Start(DateTimeOffset reportedAt, SlaTargets targets, IncidentGrade grade, IncidentCategory? category)
    {
        ArgumentNullException.ThrowIfNull(targets);
        return Start(reportedAt, targets.ResponseTargetFor(grade, category));
    }

    /// <summary>Records the first acknowledgement; meets the SLA if it is still pending and the deadline has not passed.</summary>
    public ResponseSla Acknowledge(DateTimeOffset at)
    {
        if (AcknowledgedAt is not null)
        {
            return this;
        }

        EnsureNotBeforeReport(at);
        return this with { AcknowledgedAt = at, State = Respond(at) };
    }

    /// <summary>Records the first on-site arrival; meets the SLA if it is still pending and the deadline has not passed.</summary>
    public ResponseSla Arrive(DateTimeOffset at)
    {
        if (ArrivedAt is not null)
        {
            return this;
        }

        EnsureNotBeforeReport(at);
        return this with { ArrivedAt = at, State = Respond(at) };
    }

    /// <summary>The deadline check (the timer job). A no-op when the SLA is settled, or when called before the
    /// deadline (a timer that fires early must not breach an SLA that can still be met).</summary>
    public ResponseSla Breach(DateTimeOffset at)
    {
        if (State != SlaState.Pending || at < Deadline)
        {
            return this;
        }

        return this with { State = SlaState.Breached };
    }

    // A response after the deadline breaches even if the breach job has not run yet; a settled state never changes.
    private SlaState Respond(DateTimeOffset at) =>
        State != SlaState.Pending ? State : at <= Deadline ? SlaState.Met : SlaState.Breached;

    private void EnsureNotBeforeReport(DateTimeOffset at)
    {
        if (at < ReportedAt)
        {
            throw new ArgumentOutOfRangeException(nameof(at), at, $"A response cannot precede the report ({ReportedAt:O}).");
        }
    }
}
