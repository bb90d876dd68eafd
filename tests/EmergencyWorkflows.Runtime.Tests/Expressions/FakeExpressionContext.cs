using System.Text.Json.Nodes;
using EmergencyWorkflows.Runtime.Definitions;
using EmergencyWorkflows.Runtime.Expressions;

namespace EmergencyWorkflows.Runtime.Tests.Expressions;

/// <summary>An in-memory expression context: variables by name, run input, recorded outputs.</summary>
internal sealed class FakeExpressionContext : IExpressionContext
{
    private readonly List<VariableDefinition> _variables = [];
    private readonly Dictionary<string, JsonNode?> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonNode?> _input = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<(string Activity, string Output), JsonNode?> _outputs = [];

    public FakeExpressionContext(WorkflowDefinition? definition = null)
    {
        Definition = definition ?? WorkflowDefinitionReader.Read(MinimalDefinition);
        foreach (var variable in Definition.Variables)
        {
            _variables.Add(variable);
            _values[variable.Name] = ValueConverter.ParseVariableDefault(variable);
        }
    }

    public const string MinimalDefinition = """
        { "id": "ver-1", "definitionId": "def-1", "version": 3, "toolVersion": "3.5.0.0",
          "root": { "id": "fc", "type": "Elsa.Flowchart", "activities": [], "connections": [] } }
        """;

    public string WorkflowInstanceId { get; set; } = "instance-1";
    public string WorkflowDefinitionId => Definition.DefinitionId;
    public string WorkflowDefinitionVersionId => Definition.Id;
    public int WorkflowDefinitionVersion => Definition.Version;
    public string? CorrelationId { get; set; }
    public string? WorkflowInstanceName { get; set; }
    public WorkflowDefinition Definition { get; }
    public IReadOnlyList<VariableDefinition> VariablesInScope => _variables;
    public IReadOnlyDictionary<string, JsonNode?> Input => _input;
    public JsonNode? LastResult { get; set; }
    public DateTimeOffset Now { get; set; } = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
    public ICollection<string>? ScriptOutcomes { get; set; }

    /// <summary>Every SetVariable call, in order, so tests can see what a script wrote.</summary>
    public List<(string Name, JsonNode? Value)> Writes { get; } = [];

    public FakeExpressionContext WithVariable(string name, JsonNode? value, string typeName = "Object", string? id = null)
    {
        _variables.Add(new VariableDefinition(id ?? $"id-{name}", name, typeName, false, null, null));
        _values[name] = value;
        return this;
    }

    public FakeExpressionContext WithInput(string name, JsonNode? value)
    {
        _input[name] = value;
        return this;
    }

    public FakeExpressionContext WithOutput(string activityId, string output, JsonNode? value)
    {
        _outputs[(activityId, output)] = value;
        return this;
    }

    public JsonNode? GetVariable(string name) => _values.TryGetValue(name, out var v) ? v?.DeepClone() : null;

    public void SetVariable(string name, JsonNode? value)
    {
        Writes.Add((name, value?.DeepClone()));
        _values[name] = value?.DeepClone();
        if (_variables.All(v => v.Name != name))
        {
            _variables.Add(new VariableDefinition($"id-{name}", name, "Object", false, null, null));
        }
    }

    public JsonNode? GetVariableById(string id) =>
        _variables.FirstOrDefault(v => v.Id == id) is { } variable ? GetVariable(variable.Name) : null;

    public JsonNode? GetInput(string name) => _input.TryGetValue(name, out var v) ? v?.DeepClone() : null;

    public JsonNode? GetOutput(string activityIdOrName, string? outputName)
    {
        var id = Definition.AllActivities().FirstOrDefault(a => a.Id == activityIdOrName || a.Name == activityIdOrName)?.Id
                 ?? activityIdOrName;
        return _outputs.TryGetValue((id, outputName ?? "Result"), out var v) ? v?.DeepClone() : null;
    }
}
