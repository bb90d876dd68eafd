namespace EmergencyWorkflows.Api.Feedback;

/// <summary>The part of the plan a suggestion is about: the response stages (§3), the safeguards (§4), the team (§2).</summary>
internal enum SuggestionTopic
{
    Reporting,
    Activation,
    Handling,
    Communication,
    Closure,
    Organisation,
    Supplies,
    Training,
    Other,
}
