namespace EmergencyWorkflows.Emergency.Incidents;

/// <summary>One problem with one field: a stable <paramref name="Code"/> (a page's resource key is <c>ApiError.</c> + the
/// code, its <paramref name="Args"/> filling {0}, {1}…) and the English sentence the API answers with.</summary>
public sealed record FieldError(string Code, string Message, IReadOnlyList<string> Args)
{
    public static FieldError Of(string code, string message, params string[] args) => new(code, message, args);
}
