namespace EmergencyWorkflows.Runtime.Activities;

/// <summary>Elsa's FlowJoinMode; the numeric values match Elsa's enum (explicit null input ⇒ 0 = WaitAll).</summary>
public enum FlowJoinMode
{
    WaitAll = 0,
    WaitAny = 1,
    WaitAllActive = 2,
}
