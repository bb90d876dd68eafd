namespace EmergencyWorkflows.Runtime.Tests.Conformance;

/// <summary>Everything in the shared Elsa sample corpus this runtime does not execute, with the reason. One list.</summary>
public static class Unsupported
{
    public static IReadOnlyDictionary<string, string> Samples { get; } = new Dictionary<string, string>
    {
        ["11-liquid-httprequest-io.json"] =
            "Uses Elsa.FlowSendHttpRequest (HTTP module, second tier): the definition loads, the validator reports the unknown activity type, and reaching it faults.",
    };

    /// <summary>Activity types Elsa has that this runtime does not execute (the validator reports them; reaching one faults).</summary>
    public static IReadOnlyDictionary<string, string> ActivityTypes { get; } = new Dictionary<string, string>
    {
        ["Elsa.HttpEndpoint"] = "HTTP module (second tier): no HTTP trigger pipeline in the engine yet.",
        ["Elsa.WriteHttpResponse"] = "HTTP module (second tier).",
        ["Elsa.FlowSendHttpRequest"] = "HTTP module (second tier): outbound calls belong behind the outbox.",
        ["Elsa.SendHttpRequest"] = "HTTP module (second tier).",
        ["Elsa.SendEmail"] = "Email module (second tier): notifications go through the outbox.",
        ["Elsa.DispatchWorkflow"] = "Child workflows (second tier).",
        ["Elsa.ExecuteWorkflow"] = "Child workflows (second tier).",
        ["Elsa.Switch"] = "Embedded-port switch: flowcharts use Elsa.FlowSwitch.",
        ["Elsa.Fork"] = "Structured fork (hidden from Studio): flowcharts use Elsa.FlowFork.",
        ["Elsa.ParallelForEach"] = "Loop activities are not implemented; loops are backward connections.",
    };

    /// <summary>Engine behaviour deliberately left out (elsa-format.md §8 "out of scope for v1" and more).</summary>
    public static IReadOnlyDictionary<string, string> Behaviours { get; } = new Dictionary<string, string>
    {
        ["token mode"] = "Only Elsa's default counter-based flowchart mode (3.5.2+) is implemented; customProperties.mergeMode is ignored.",
        ["event triggers on delivery"] = "TriggerEventAsync resumes waiting bookmarks only; it does not start new instances from canStartWorkflow Event triggers (WorkflowTriggers lists them; the executor can start from a trigger activity).",
        ["CSharp/Python expressions"] = "Reported by the validator as unsupported expression types; fault if reached.",
        ["flowchart-scoped variables"] = "Variables declared on a flowchart (not the workflow) are not created; Studio leaves them empty.",
        ["bookmark hash"] = "Bookmark.Hash is not computed; matching uses name + key.",
        ["runAsynchronously"] = "Activities always run inline in the burst.",
    };

    /// <summary>Oracles that differ because they come from a mode this runtime does not implement.</summary>
    public static IReadOnlyDictionary<string, string> OracleDifferences { get; } = new Dictionary<string, string>
    {
        ["09-fault-decision-join-waitall.json"] =
            "Elsa's oracle `A, C, B, D` is from its opt-in token mode; counter mode (ours, Elsa's default) gives the same lines: the branches are queued C, B, D in connection order, D's decision faults, and the WaitAll join is skipped.",
    };
}
