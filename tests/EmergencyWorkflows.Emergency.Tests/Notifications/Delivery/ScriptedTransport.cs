using EmergencyWorkflows.Emergency.Notifications;
using EmergencyWorkflows.Emergency.Notifications.Delivery;
using EmergencyWorkflows.Emergency.Team;

namespace EmergencyWorkflows.Emergency.Tests.Notifications.Delivery;

/// <summary>A transport that answers from a script of results (the last one repeats) and counts its calls;
/// optionally holds every call until <see cref="Release"/> so tests can overlap two dispatches.</summary>
internal sealed class ScriptedTransport(NotificationChannel channel, params DeliveryResult[] script) : INotificationTransport
{
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _calls;

    public bool Hold { get; init; }

    public int Calls => Volatile.Read(ref _calls);

    public Task Entered => _entered.Task;

    public NotificationChannel Channel => channel;

    public void Release() => _gate.TrySetResult();

    public async Task<DeliveryResult> DeliverAsync(Notification notification, TeamMember recipient, CancellationToken cancellationToken)
    {
        var call = Interlocked.Increment(ref _calls);
        _entered.TrySetResult();
        if (Hold)
        {
            await _gate.Task.WaitAsync(cancellationToken);
        }

        return script[Math.Min(call, script.Length) - 1];
    }
}
