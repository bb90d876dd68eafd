using EmergencyWorkflows.Api.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace EmergencyWorkflows.Api.Tests.Scheduling;

/// <summary>A restart with overdue timers: the new host fires every one of them at once, and none twice.</summary>
public sealed class StartupReconciliationTests : IDisposable
{
    private const int TimerCount = 40;
    private readonly TempFolder folder = new();

    [Fact]
    public async Task OverdueTimers_NewHostOnSameDatabase_FiresEachExactlyOnce()
    {
        var workflows = folder.CreateWorkflowsFolder(includeRepositoryWorkflows: false);
        // The first host lives an hour in the past and loses its wake-ups: its timers are long overdue at restart.
        var past = new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(-1));
        var started = new List<(string InstanceId, string BookmarkId)>();
        using (var first = new ApiFactory(folder.Path, workflows, TimerTestKit.Swap(past, new DroppingTimerScheduler())))
        {
            using var client = first.CreateClient();
            for (var i = 0; i < TimerCount; i++)
            {
                var instance = await client.StartAsync("delay-one-second");
                started.Add((instance.Id(), instance.DelayBookmarkId()));
            }
        }

        using (var second = new ApiFactory(folder.Path, workflows))
        {
            using var client = second.CreateClient();
            await Settle.UntilAsync(
                async () =>
                {
                    var statuses = await Task.WhenAll(started.Select(s => client.GetInstanceAsync(s.InstanceId)));
                    return statuses.Count(s => s.Status() == "Finished");
                },
                finished => finished == TimerCount,
                TimeSpan.FromSeconds(15),
                "every overdue timer to fire in the new host");

            await Settle.UntilAsync(() => Task.FromResult(started.Count(s => second.FiredEvents(s.BookmarkId).Count > 0)),
                n => n == TimerCount, TimeSpan.FromSeconds(5), "every fire to be logged");
            second.Sink.Events.Should().Contain(e => e.MessageTemplate.Text.StartsWith("Re-armed", StringComparison.Ordinal)
                && e.Properties["OverdueCount"].ToString() == TimerCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
            foreach (var (instanceId, bookmarkId) in started)
            {
                second.FiredEvents(bookmarkId).Should().ContainSingle($"timer {bookmarkId} fires once");
                second.ResumedEvents(instanceId).Should().ContainSingle();
            }
        }

        // A third start finds nothing left to fire.
        using var third = new ApiFactory(folder.Path, workflows);
        using var thirdClient = third.CreateClient();
        (await thirdClient.GetInstanceAsync(started[0].InstanceId)).Status().Should().Be("Finished");
        third.Sink.Events.Should().Contain(e => e.MessageTemplate.Text.StartsWith("Re-armed", StringComparison.Ordinal)
            && e.Properties["TimerCount"].ToString() == "0");
        started.Should().OnlyContain(s => third.FiredEvents(s.BookmarkId).Count == 0);
    }

    public void Dispose() => folder.Dispose();
}
