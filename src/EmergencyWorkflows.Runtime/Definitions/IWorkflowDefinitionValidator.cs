namespace EmergencyWorkflows.Runtime.Definitions;

/// <summary>
/// Finds what would stop the runtime from executing a definition: unknown activity types, unsupported expression
/// types (CSharp, Python), scripts that do not parse, connections from ports the activity does not have, an
/// empty or missing root flowchart. Each error names the activity it concerns.
/// </summary>
public interface IWorkflowDefinitionValidator
{
    IReadOnlyList<string> Validate(WorkflowDefinition definition);
}
