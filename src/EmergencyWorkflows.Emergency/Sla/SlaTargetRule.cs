namespace EmergencyWorkflows.Emergency.Sla;

/// <summary>One configured response target. Grade 1..3 and/or a category key (personnel-safety,
/// service-interruption, complaint-dispute); a rule naming both is more specific than one naming either.</summary>
public sealed record SlaTargetRule
{
    public int? Grade { get; init; }

    public string? Category { get; init; }

    public TimeSpan Response { get; init; }
}
