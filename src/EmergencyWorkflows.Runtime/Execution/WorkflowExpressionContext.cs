using System.Text.Json.Nodes;
using EmergencyWorkflows.Runtime.Definitions;
using EmergencyWorkflows.Runtime.Expressions;

namespace EmergencyWorkflows.Runtime.Execution;

/// <summary>The expression context over a running burst: variables by id/name, run input, output register, identity.</summary>
internal sealed class WorkflowExpressionContext(WorkflowBurst burst, ICollection<string>? scriptOutcomes) : IExpressionContext
{
    public string WorkflowInstanceId => burst.Instance.Id;
    public string WorkflowDefinitionId => burst.Instance.DefinitionId;
    public string WorkflowDefinitionVersionId => burst.Instance.DefinitionVersionId;
    public int WorkflowDefinitionVersion => burst.Instance.DefinitionVersion;

    public string? CorrelationId
    {
        get => burst.Instance.CorrelationId;
        set => burst.Instance.CorrelationId = value;
    }

    public string? WorkflowInstanceName
    {
        get => burst.Instance.Name;
        set => burst.Instance.Name = value;
    }

    public WorkflowDefinition Definition => burst.Plan.Definition;
    public IReadOnlyList<VariableDefinition> VariablesInScope => burst.VariablesInScope;
    public IReadOnlyDictionary<string, JsonNode?> Input => burst.RunInput;
    public JsonNode? LastResult => burst.State.LastResult;
    public DateTimeOffset Now => burst.Now;
    public ICollection<string>? ScriptOutcomes => scriptOutcomes;

    public JsonNode? GetVariable(string name) => burst.GetVariableByName(name);

    public void SetVariable(string name, JsonNode? value) => burst.SetVariableByName(name, value);

    public JsonNode? GetVariableById(string id) => burst.Instance.Variables[id];

    public JsonNode? GetInput(string name) => burst.GetRunInput(name);

    public JsonNode? GetOutput(string activityIdOrName, string? outputName) => burst.GetOutput(activityIdOrName, outputName);
}
