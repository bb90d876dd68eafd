using System.Diagnostics.Metrics;

namespace EmergencyWorkflows.Api.Scheduling;

/// <summary>The timer instruments, on the <c>EmergencyWorkflows</c> meter (created through the host's meter factory).</summary>
internal sealed class TimerMetrics
{
    public const string MeterName = "EmergencyWorkflows";
    public const string OverdueFiredName = "emergency.timers.overdue_fired";

    private readonly Counter<long> overdueFired;

    public TimerMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        overdueFired = meter.CreateCounter<long>(OverdueFiredName, unit: "{timer}",
            description: "Pending timers the escalation auditor found overdue beyond the threshold and fired.");
    }

    public void OverdueFired() => overdueFired.Add(1);
}
