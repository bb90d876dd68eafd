using EmergencyWorkflows.Runtime.Execution;

namespace EmergencyWorkflows.Runtime.Activities;

/// <summary><c>Elsa.WriteLine</c>: writes its text through the engine's <see cref="IWorkflowLineWriter"/>.</summary>
public sealed class WriteLine : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new()
    {
        TypeName = "Elsa.WriteLine",
        Category = "Console",
        DisplayName = "Write Line",
        Description = "Write a line of text to the console.",
        Inputs = [new("text", "String", DisplayName: "Text", UiHint: "singleline")],
    };

    public override void Execute(ActivityExecutionContext context) =>
        context.WriteLine(context.EvaluateText("text") ?? string.Empty);
}
