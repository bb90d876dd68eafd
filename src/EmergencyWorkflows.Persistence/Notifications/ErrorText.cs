using System.Text.RegularExpressions;
using EmergencyWorkflows.Emergency.Team;

namespace EmergencyWorkflows.Persistence.Notifications;

/// <summary>Delivery errors are shown on the incident and logged; a server's reply may echo an address or a number.</summary>
internal static partial class ErrorText
{
    private const int MaxLength = 1000;

    public static string? Redact(string? error)
    {
        if (string.IsNullOrEmpty(error))
        {
            return error;
        }

        var masked = Email().Replace(error, m => PersonalData.MaskEmail(m.Value));
        masked = Phone().Replace(masked, m => PersonalData.MaskPhone(m.Value));
        return masked.Length <= MaxLength ? masked : masked[..MaxLength] + "…";
    }

    [GeneratedRegex(@"[^\s<>""'(),;:@]+@[^\s<>""'(),;:]+\.[A-Za-z]{2,}")]
    private static partial Regex Email();

    [GeneratedRegex(@"(?<![\w.])\+?\d[\d -]{6,}\d(?![\w.])")]
    private static partial Regex Phone();
}
