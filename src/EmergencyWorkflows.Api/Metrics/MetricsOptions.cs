namespace EmergencyWorkflows.Api.Metrics;

/// <summary><c>Emergency:Metrics</c>: the time zone whose midnights start the metrics' days (an IANA or Windows id);
/// unset, the pages' display zone (<see cref="Web.DisplayTime"/>), so the charts' days are the days every page shows.</summary>
internal sealed record MetricsOptions
{
    public const string Section = "Emergency:Metrics";

    public string? TimeZone { get; init; }

    public TimeZoneInfo Zone(TimeZoneInfo display)
    {
        if (string.IsNullOrWhiteSpace(TimeZone))
        {
            return display;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
        }
        catch (TimeZoneNotFoundException e)
        {
            throw new InvalidOperationException($"{Section}:TimeZone '{TimeZone}' is not a time zone this machine knows.", e);
        }
    }
}
