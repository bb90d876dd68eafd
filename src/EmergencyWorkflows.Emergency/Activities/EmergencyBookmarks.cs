namespace EmergencyWorkflows.Emergency.Activities;

/// <summary>The bookmark (stimulus) names the Emergency.* activities wait on.</summary>
public static class EmergencyBookmarks
{
    /// <summary>Waits for an acknowledgement or an on-site arrival; key = instance id, payload <c>accepts</c> = the kinds taken.</summary>
    public const string Response = "Emergency.Response";

    /// <summary>The response SLA deadline (timer).</summary>
    public const string SlaDeadline = "Emergency.SlaDeadline";

    /// <summary>The next escalation round (timer).</summary>
    public const string EscalationStep = "Emergency.EscalationStep";

    /// <summary>Run-input key under which the ack/arrive API passes the <see cref="IncidentResponse"/>.</summary>
    public const string ResponseInputKey = "EmergencyResponse";

    /// <summary>True when a pending <see cref="Response"/> bookmark takes responses of <paramref name="kind"/>.</summary>
    public static bool Accepts(Runtime.Bookmarks.Bookmark bookmark, ResponseKind kind)
    {
        ArgumentNullException.ThrowIfNull(bookmark);
        if (bookmark.Name != Response)
        {
            return false;
        }

        return bookmark.Payload["accepts"] is not System.Text.Json.Nodes.JsonArray accepts
            || accepts.Any(a => string.Equals((string?)a, kind.ToString(), StringComparison.OrdinalIgnoreCase));
    }
}
