using EmergencyWorkflows.Api.Team;
using EmergencyWorkflows.Emergency.OnCall;

namespace EmergencyWorkflows.Api.Pages.Team;

/// <summary>One stretch of the preview: <see cref="MemberId"/> is on call in [From, Until) (null: nobody is).</summary>
internal sealed record Shift(DateTimeOffset From, DateTimeOffset Until, string? MemberId);

/// <summary>Who is on call when over the next days, from the domain's own <see cref="OnCallResolver"/>: the answer
/// can only change at a hand-off or where a swap or a leave starts or ends, so it is asked once per such stretch.</summary>
internal static class RotationPreview
{
    /// <summary>Enough for an hourly rotation over a week; a finer one is cut off (the page says so).</summary>
    public const int MaxShifts = 200;

    public static Rotation ToDomain(RotationView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new Rotation(
            view.Id, view.Name, view.MemberIds, view.HandoffAnchor, view.Period,
            view.Overrides.Select(o => new OnCallOverride(o.MemberId, o.From, o.Until, o.CreatedAt)),
            view.Leaves.Select(l => new OnCallLeave(l.MemberId, l.From, l.Until)),
            view.InactiveMemberIds);
    }

    public static IReadOnlyList<Shift> Shifts(Rotation rotation, DateTimeOffset from, TimeSpan span)
    {
        ArgumentNullException.ThrowIfNull(rotation);
        var until = from + span;
        var cuts = new SortedSet<DateTimeOffset> { from, until };
        var turns = Math.Floor((decimal)(from - rotation.HandoffAnchor).Ticks / rotation.Period.Ticks);
        var handoff = rotation.HandoffAnchor + TimeSpan.FromTicks((long)((turns + 1) * rotation.Period.Ticks));
        for (; handoff < until && cuts.Count <= MaxShifts; handoff += rotation.Period)
        {
            cuts.Add(handoff);
        }

        var edges = rotation.Overrides.SelectMany(o => new[] { o.From, o.Until })
            .Concat(rotation.Leaves.SelectMany(l => new[] { l.From, l.Until }));
        foreach (var edge in edges.Where(e => e > from && e < until))
        {
            cuts.Add(edge);
        }

        var points = cuts.ToList();
        var shifts = new List<Shift>();
        for (var i = 0; i < points.Count - 1 && shifts.Count < MaxShifts; i++)
        {
            var who = OnCallResolver.WhoIsOnCall(rotation, points[i]);
            if (shifts.Count > 0 && shifts[^1].MemberId == who)
            {
                shifts[^1] = shifts[^1] with { Until = points[i + 1] };
            }
            else
            {
                shifts.Add(new Shift(points[i], points[i + 1], who));
            }
        }

        return shifts;
    }
}
