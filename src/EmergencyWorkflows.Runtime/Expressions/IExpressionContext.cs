using System.Text.Json.Nodes;
using EmergencyWorkflows.Runtime.Definitions;

namespace EmergencyWorkflows.Runtime.Expressions;

/// <summary>
/// What an expression can see and change while an activity's inputs are evaluated (elsa-format.md §6). The engine
/// implements it over the running instance; expression evaluators (Jint, Fluid) only talk to this. Values are
/// JSON nodes: the same shape the instance is persisted in.
/// </summary>
public interface IExpressionContext
{
    string WorkflowInstanceId { get; }
    string WorkflowDefinitionId { get; }
    string WorkflowDefinitionVersionId { get; }
    int WorkflowDefinitionVersion { get; }
    string? CorrelationId { get; set; }
    string? WorkflowInstanceName { get; set; }

    /// <summary>The definition being run (variables, declared inputs, activities for generated accessors, tool version).</summary>
    WorkflowDefinition Definition { get; }

    /// <summary>Variables in scope, by name (case-sensitive), with their definitions.</summary>
    IReadOnlyList<VariableDefinition> VariablesInScope { get; }

    JsonNode? GetVariable(string name);

    /// <summary>Sets a variable by name; creates a dynamic variable when none of that name exists.</summary>
    void SetVariable(string name, JsonNode? value);

    JsonNode? GetVariableById(string id);

    /// <summary>Workflow run input: start input plus resumption input, keys matched case-insensitively.</summary>
    JsonNode? GetInput(string name);

    /// <summary>All run input keys and values.</summary>
    IReadOnlyDictionary<string, JsonNode?> Input { get; }

    /// <summary>Last output an activity recorded (by id, or by name), default output <c>Result</c> when null.</summary>
    JsonNode? GetOutput(string activityIdOrName, string? outputName);

    /// <summary>Result of the last completed activity that had one.</summary>
    JsonNode? LastResult { get; }

    /// <summary>The current time, from the injected TimeProvider.</summary>
    DateTimeOffset Now { get; }

    /// <summary>Outcomes set by a script through <c>setOutcome</c>/<c>setOutcomes</c> (RunJavaScript only; null elsewhere).</summary>
    ICollection<string>? ScriptOutcomes { get; }
}
