using EmergencyWorkflows.Runtime.Execution;

namespace EmergencyWorkflows.Runtime.Activities;

/// <summary><c>Elsa.Correlate</c>: sets the instance correlation id.</summary>
public sealed class Correlate : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new()
    {
        TypeName = "Elsa.Correlate",
        Category = "Primitives",
        DisplayName = "Correlate",
        Description = "Set the correlation ID of the workflow instance.",
        Inputs = [new("correlationId", "String", DisplayName: "Correlation ID")],
    };

    public override void Execute(ActivityExecutionContext context) =>
        context.Instance.CorrelationId = context.EvaluateText("correlationId");
}
