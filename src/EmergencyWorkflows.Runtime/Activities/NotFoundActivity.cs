using EmergencyWorkflows.Runtime.Execution;

namespace EmergencyWorkflows.Runtime.Activities;

/// <summary>The placeholder for a type this runtime does not know: the definition loads, the activity faults when reached.</summary>
public sealed class NotFoundActivity(string missingTypeName) : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new()
    {
        TypeName = missingTypeName,
        Category = "Unknown",
        DisplayName = missingTypeName,
        Description = "An activity type this runtime does not know.",
        IsBrowsable = false,
    };

    public string MissingTypeName => missingTypeName;

    public override void Execute(ActivityExecutionContext context) =>
        throw new WorkflowFaultException($"Activity type '{missingTypeName}' is not known to this runtime.");
}
