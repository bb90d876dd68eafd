using EmergencyWorkflows.Api.Tests.Infrastructure;

namespace EmergencyWorkflows.Api.Tests.Scenarios.OutboxDelivery;

[Collection(SharedHostCollection.Name)]
public class OutboxDeliveryTests(SharedHost host)
{
    [Fact]
    public async Task PublishEvent_DeliveredByOutboxLoop_ResumesTheCorrelatedWaitingInstance()
    {
        var waiting = await host.Client.StartAsync("event-wait", new { correlationId = "outbox-delivery" });
        waiting.Status().Should().Be("Running");

        var publisher = await host.Client.StartAsync("publish-incident-closed");
        publisher.Status().Should().Be("Finished");

        var resumed = await Settle.UntilAsync(
            () => host.Client.GetInstanceAsync(waiting.Id()),
            instance => instance.Status() == "Finished",
            TimeSpan.FromSeconds(10),
            "the outbox loop to deliver the published event");
        resumed.SubStatus().Should().Be("Finished");
    }
}
