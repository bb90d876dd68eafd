namespace EmergencyWorkflows.Api.Metrics;

/// <summary><c>Emergency:Metrics</c>: the time zone whose midnights start the metrics' days (an IANA or Windows id).</summary>
internal sealed record MetricsOptions
{
    public const string Section = "Emergency:Metrics";

    public string TimeZone { get; init; } = "UTC";

    public TimeZoneInfo Zone()
    {
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
