namespace EmergencyWorkflows.Emergency.Incidents;

/// <summary>How a report arrived (plan §3.1: phone, internal messaging, in writing; plus our web form and API).</summary>
public enum ReportChannel
{
    Phone,
    InstantMessage,
    Written,
    Web,
    Api,
}
