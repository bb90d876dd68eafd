namespace EmergencyWorkflows.Runtime.Tests.Conformance;

/// <summary>Everything in the shared Elsa sample corpus this runtime does not execute, with the reason. One list.</summary>
public static class Unsupported
{
    public static IReadOnlyDictionary<string, string> Samples { get; } = new Dictionary<string, string>
    {
        ["11-liquid-httprequest-io.json"] =
            "Uses Elsa.FlowSendHttpRequest (HTTP module, second tier): the definition loads, the validator reports the unknown activity type, and reaching it faults.",
    };

    /// <summary>Oracles that differ because they come from a mode this runtime does not implement.</summary>
    public static IReadOnlyDictionary<string, string> OracleDifferences { get; } = new Dictionary<string, string>
    {
        ["09-fault-decision-join-waitall.json"] =
            "Elsa's oracle `A, C, B, D` is from its opt-in token mode; counter mode (ours, Elsa's default) gives the same lines: the branches are queued C, B, D in connection order, D's decision faults, and the WaitAll join is skipped.",
    };
}
