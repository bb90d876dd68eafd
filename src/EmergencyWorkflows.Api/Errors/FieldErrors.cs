using EmergencyWorkflows.Emergency.Incidents;
using Microsoft.AspNetCore.Mvc;

namespace EmergencyWorkflows.Api.Errors;

/// <summary>
/// Validation problems carry, beside the English sentences in <c>errors</c>, the same problems by stable code in the
/// <c>errorCodes</c> extension (field → <see cref="FieldError"/>s), so a page calling the handler says them in its
/// reader's language while the API's JSON stays English.
/// </summary>
internal static class FieldErrors
{
    public const string CodesExtension = "errorCodes";

    /// <summary>The coded problems of a validation answer (empty when it has none).</summary>
    public static IReadOnlyDictionary<string, FieldError[]> Of(ProblemDetails problem) =>
        problem is not null && problem.Extensions.TryGetValue(CodesExtension, out var codes) && codes is IReadOnlyDictionary<string, FieldError[]> coded
            ? coded
            : new Dictionary<string, FieldError[]>(StringComparer.Ordinal);
}
