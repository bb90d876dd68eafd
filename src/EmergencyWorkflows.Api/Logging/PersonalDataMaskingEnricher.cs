using Serilog.Core;
using Serilog.Events;

namespace EmergencyWorkflows.Api.Logging;

/// <summary>
/// Masks the values of properties whose names say they hold personal data (names, phone numbers, e-mail addresses,
/// contact details, medical details), also inside destructured objects, before any sink sees the event. Technical
/// names that merely end in "Name" (EventName, TaskName, ServiceName, ...) are left alone.
/// </summary>
internal sealed class PersonalDataMaskingEnricher : ILogEventEnricher
{
    private static readonly string[] PersonalFragments =
        ["Phone", "Mobile", "Email", "EMail", "Contact", "Medical", "Diagnosis", "HomeAddress", "PostalAddress", "StreetAddress", "IdCard", "Passport"];

    private static readonly string[] PersonNamePrefixes =
        ["", "Person", "Employee", "Reporter", "Responder", "Patient", "Victim", "User", "Full", "First", "Last", "Given", "Family", "Display", "Real"];

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        foreach (var (name, value) in logEvent.Properties.ToList())
        {
            var masked = Mask(name, value);
            if (!ReferenceEquals(masked, value))
            {
                logEvent.AddOrUpdateProperty(new LogEventProperty(name, masked));
            }
        }
    }

    public static bool IsPersonal(string propertyName)
    {
        if (PersonalFragments.Any(f => propertyName.Contains(f, StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        return propertyName.EndsWith("Name", StringComparison.OrdinalIgnoreCase)
            && PersonNamePrefixes.Contains(propertyName[..^4], StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Keeps the last two characters of a long value so that support can still tell two values apart.</summary>
    public static string MaskText(string text) =>
        text.Length <= 4 ? "***" : string.Concat("***", text.AsSpan(text.Length - 2));

    private static LogEventPropertyValue Mask(string name, LogEventPropertyValue value)
    {
        if (IsPersonal(name))
        {
            return MaskAll(value);
        }

        return value switch
        {
            StructureValue structure => MaskInside(structure),
            DictionaryValue dictionary => new DictionaryValue(dictionary.Elements.Select(e =>
                new KeyValuePair<ScalarValue, LogEventPropertyValue>(e.Key, Mask(e.Key.Value?.ToString() ?? string.Empty, e.Value)))),
            SequenceValue sequence => new SequenceValue(sequence.Elements.Select(e => Mask(string.Empty, e))),
            _ => value,
        };
    }

    private static StructureValue MaskInside(StructureValue structure)
    {
        var properties = structure.Properties.Select(p => new LogEventProperty(p.Name, Mask(p.Name, p.Value))).ToList();
        return new StructureValue(properties, structure.TypeTag);
    }

    private static LogEventPropertyValue MaskAll(LogEventPropertyValue value) => value switch
    {
        ScalarValue { Value: null } => value,
        ScalarValue scalar => new ScalarValue(MaskText(Convert.ToString(scalar.Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty)),
        StructureValue structure => new StructureValue(structure.Properties.Select(p => new LogEventProperty(p.Name, MaskAll(p.Value))), structure.TypeTag),
        SequenceValue sequence => new SequenceValue(sequence.Elements.Select(MaskAll)),
        DictionaryValue dictionary => new DictionaryValue(dictionary.Elements.Select(e =>
            new KeyValuePair<ScalarValue, LogEventPropertyValue>(e.Key, MaskAll(e.Value)))),
        _ => new ScalarValue("***"),
    };
}
