using System.Text.Json.Nodes;

namespace EmergencyWorkflows.Runtime.Activities;

/// <summary>What kind of activity Studio shows (§5): a plain step, a trigger that can start workflows, or a task.</summary>
public enum ActivityKind
{
    Action,
    Trigger,
    Task,
}

/// <summary>
/// An input an activity reads: camelCase JSON name, value type alias and the class default (used when the property is
/// absent). <see cref="UiHint"/> is Studio's editor (singleline, multiline, checkbox, dropdown, variable-picker, …;
/// null: checkbox for Boolean, else singleline); <see cref="Options"/> are the values a dropdown offers.
/// </summary>
public sealed record ActivityInputDescriptor(
    string Name,
    string TypeName,
    JsonNode? DefaultValue = null,
    string? DisplayName = null,
    string? Description = null,
    string? UiHint = null,
    bool IsWrapped = true,
    IReadOnlyList<string>? Options = null);

/// <summary>An output an activity sets (camelCase JSON name, e.g. <c>result</c>).</summary>
public sealed record ActivityOutputDescriptor(string Name, string TypeName);

/// <summary>The data describing an activity type: what Studio descriptors and the validator read.</summary>
public sealed record ActivityDescriptor
{
    public required string TypeName { get; init; }
    public required string Category { get; init; }
    public required string DisplayName { get; init; }
    public string Description { get; init; } = string.Empty;
    public ActivityKind Kind { get; init; } = ActivityKind.Action;
    public IReadOnlyList<ActivityInputDescriptor> Inputs { get; init; } = [];
    public IReadOnlyList<ActivityOutputDescriptor> Outputs { get; init; } = [];

    /// <summary>Static flow outcomes (ports). Dynamic ones come from <see cref="Activity.DynamicOutcomes"/>.</summary>
    public IReadOnlyList<string> Outcomes { get; init; } = ["Done"];

    /// <summary>Terminal nodes (End, Finish, Break, Complete) end their flowchart and have no output port.</summary>
    public bool IsTerminal { get; init; }

    /// <summary>Studio's start node (no In port).</summary>
    public bool IsStart { get; init; }

    /// <summary>Hidden from the Studio toolbox (e.g. the flowchart container itself).</summary>
    public bool IsBrowsable { get; init; } = true;

    public ActivityInputDescriptor? FindInput(string name)
    {
        foreach (var input in Inputs)
        {
            if (input.Name == name)
            {
                return input;
            }
        }

        return null;
    }
}
