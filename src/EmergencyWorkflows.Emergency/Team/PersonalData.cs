using System.Globalization;

namespace EmergencyWorkflows.Emergency.Team;

/// <summary>Masks personal data before it reaches a log line: phones keep their first 3 and last 4 digits
/// (138****5678), emails keep the first character of the local part and the domain (z***@example.com),
/// anything else is treated as a name and keeps its first character (张*).</summary>
public static class PersonalData
{
    private const string Stars = "****";

    /// <summary>Masks a value of unknown kind: an email if it has an '@', a phone if it is mostly digits, else a name.</summary>
    public static string Mask(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return string.Empty;
        }

        var trimmed = value.Trim();
        if (trimmed.Contains('@', StringComparison.Ordinal))
        {
            return MaskEmail(trimmed);
        }

        return LooksLikePhone(trimmed) ? MaskPhone(trimmed) : MaskName(trimmed);
    }

    public static string MaskPhone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return string.Empty;
        }

        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        // Short numbers (extensions) keep only their last two digits: 3+4 visible digits would reveal all of them.
        if (digits.Length < 8)
        {
            return digits.Length <= 2 ? Stars : Stars + digits[^2..];
        }

        return string.Concat(digits.AsSpan(0, 3), Stars, digits.AsSpan(digits.Length - 4));
    }

    public static string MaskEmail(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return string.Empty;
        }

        var at = email.LastIndexOf('@');
        if (at <= 0)
        {
            return MaskName(email);
        }

        return FirstTextElement(email[..at]) + "***" + email[at..];
    }

    public static string MaskName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return string.Empty;
        }

        return FirstTextElement(name.Trim()) + "*";
    }

    private static bool LooksLikePhone(string value)
    {
        var digits = 0;
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (c is not ('+' or '-' or ' ' or '(' or ')' or '.'))
            {
                return false;
            }
        }

        return digits >= 5;
    }

    // A name may start with a character outside the BMP (a surrogate pair); cutting it in half would log garbage.
    private static string FirstTextElement(string value)
    {
        var enumerator = StringInfo.GetTextElementEnumerator(value);
        return enumerator.MoveNext() ? (string)enumerator.Current : string.Empty;
    }
}
