namespace EmergencyWorkflows.Emergency.Incidents;

/// <summary>The kebab-case keys used in configuration and as workflow definition ids.</summary>
public static class IncidentCategoryKeys
{
    public const string PersonnelSafety = "personnel-safety";
    public const string ServiceInterruption = "service-interruption";
    public const string ComplaintDispute = "complaint-dispute";

    public static string ToKey(this IncidentCategory category) => category switch
    {
        IncidentCategory.PersonnelSafety => PersonnelSafety,
        IncidentCategory.ServiceInterruption => ServiceInterruption,
        IncidentCategory.ComplaintDispute => ComplaintDispute,
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "Unknown incident category."),
    };

    public static bool TryParse(string? key, out IncidentCategory category)
    {
        switch (key?.Trim().ToUpperInvariant())
        {
            case "PERSONNEL-SAFETY" or "PERSONNELSAFETY":
                category = IncidentCategory.PersonnelSafety;
                return true;
            case "SERVICE-INTERRUPTION" or "SERVICEINTERRUPTION":
                category = IncidentCategory.ServiceInterruption;
                return true;
            case "COMPLAINT-DISPUTE" or "COMPLAINTDISPUTE":
                category = IncidentCategory.ComplaintDispute;
                return true;
            default:
                category = default;
                return false;
        }
    }
}
