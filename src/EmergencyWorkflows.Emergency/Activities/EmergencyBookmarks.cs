namespace EmergencyWorkflows.Emergency.Activities;

/// <summary>The bookmark (stimulus) names the Emergency.* activities wait on.</summary>
public static class EmergencyBookmarks
{
    /// <summary>Waits for an acknowledgement or an on-site arrival; key = instance id, payload <c>accepts</c> = the kinds taken.</summary>
    public const string Response = "Emergency.Response";

    /// <summary>Waits for something the people record on the incident (assessed, announced, regraded, resolved, closed);
    /// key = instance id, payload <c>signal</c> = what. The API wakes every such bookmark after an incident change; each
    /// step reads the incident's facts and completes or waits again.</summary>
    public const string IncidentSignal = "Emergency.IncidentSignal";

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
