namespace EmergencyWorkflows.Emergency.OnCall;

/// <summary>Answers "who is on call in this rotation at this instant" from the rotation data alone.</summary>
public static class OnCallResolver
{
    /// <summary>
    /// The member on call at <paramref name="at"/>, or null when nobody is available.
    /// Order of precedence: the latest-created override covering <paramref name="at"/> whose member is available (not on
    /// leave, not deactivated); else the scheduled member; if that member is not available, the next member in rotation
    /// order who is.
    /// </summary>
    public static string? WhoIsOnCall(Rotation rotation, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(rotation);

        var swap = rotation.Overrides
            .Select((o, index) => (Override: o, Index: index))
            .Where(x => x.Override.Covers(at) && IsAvailable(rotation, x.Override.MemberId, at))
            // Same creation instant: the one added later to the list is the later decision.
            .OrderByDescending(x => x.Override.CreatedAt)
            .ThenByDescending(x => x.Index)
            .Select(x => x.Override.MemberId)
            .FirstOrDefault();
        if (swap is not null)
        {
            return swap;
        }

        var count = rotation.MemberIds.Count;
        if (count == 0)
        {
            return null;
        }

        var scheduled = ScheduledIndex(rotation, at);
        for (var step = 0; step < count; step++)
        {
            var candidate = rotation.MemberIds[(scheduled + step) % count];
            if (IsAvailable(rotation, candidate, at))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The index in <see cref="Rotation.MemberIds"/> of the member scheduled at <paramref name="at"/>,
    /// ignoring overrides and leave.</summary>
    public static int ScheduledIndex(Rotation rotation, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(rotation);
        var count = rotation.MemberIds.Count;
        if (count == 0)
        {
            throw new InvalidOperationException($"Rotation '{rotation.Id}' has no members.");
        }

        var elapsed = (at - rotation.HandoffAnchor).Ticks;
        // Floor division so that instants before the anchor walk backwards through the order.
        var turn = Math.Floor((decimal)elapsed / rotation.Period.Ticks);
        var index = (long)(turn % count);
        return (int)(index < 0 ? index + count : index);
    }

    private static bool IsAvailable(Rotation rotation, string memberId, DateTimeOffset at) =>
        !rotation.InactiveMemberIds.Contains(memberId) && !IsOnLeave(rotation, memberId, at);

    private static bool IsOnLeave(Rotation rotation, string memberId, DateTimeOffset at) =>
        rotation.Leaves.Any(l => string.Equals(l.MemberId, memberId, StringComparison.Ordinal) && l.Covers(at));
}
