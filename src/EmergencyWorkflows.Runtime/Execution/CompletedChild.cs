using EmergencyWorkflows.Runtime.Definitions;

namespace EmergencyWorkflows.Runtime.Execution;

/// <summary>What a container learns when a child completes: which node, its outcomes, and whether it was entered through a loop edge.</summary>
public sealed record CompletedChild(ActivityNode Node, IReadOnlyList<string?> Outcomes, bool EnteredViaBackwardConnection);
