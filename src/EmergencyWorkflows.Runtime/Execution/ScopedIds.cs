namespace EmergencyWorkflows.Runtime.Execution;

/// <summary>
/// Bookmark and task ids are <c>&lt;instanceId&gt;:&lt;random&gt;</c>: unguessable, globally unique, and they name their
/// instance, so a second resumption of a consumed bookmark (or task) answers "already consumed", not "not found".
/// </summary>
public static class ScopedIds
{
    public static string New(string instanceId) => $"{instanceId}:{Guid.NewGuid():N}";

    /// <summary>The instance part of a scoped id, or null when the id has no instance part.</summary>
    public static string? InstanceIdOf(string scopedId)
    {
        ArgumentNullException.ThrowIfNull(scopedId);
        var separator = scopedId.LastIndexOf(':');
        return separator > 0 ? scopedId[..separator] : null;
    }
}
