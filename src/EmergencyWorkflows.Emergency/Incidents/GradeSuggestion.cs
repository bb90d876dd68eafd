namespace EmergencyWorkflows.Emergency.Incidents;

/// <summary>A suggested grade and the facts of the report it rests on. The assessor decides; this only proposes.</summary>
public sealed record GradeSuggestion(IncidentGrade Grade, IReadOnlyList<string> Reasons);
