using EmergencyWorkflows.Api.Instances;

namespace EmergencyWorkflows.Api.Tests.Instances;

public class ResumeLedgerTests
{
    [Fact]
    public async Task WasConsumed_IdConsumedByAnotherAttempt_True()
    {
        var ledger = new ResumeLedger();
        using (var winner = ledger.Begin("bookmark:1"))
        {
            winner.End(consumedNow: true);
        }

        (await ledger.WasConsumedAsync("bookmark:1", CancellationToken.None)).Should().BeTrue();
        (await ledger.WasConsumedAsync("bookmark:2", CancellationToken.None)).Should().BeFalse();
    }

    [Fact]
    public async Task WasConsumed_WinnerStillInFlight_WaitsForItsOutcome()
    {
        var ledger = new ResumeLedger();
        var winner = ledger.Begin("task:7");
        using (var loser = ledger.Begin("task:7"))
        {
            loser.End(consumedNow: false);
        }

        var answer = ledger.WasConsumedAsync("task:7", CancellationToken.None);
        answer.IsCompleted.Should().BeFalse("the outcome of the attempt in flight decides");

        winner.End(consumedNow: true);

        (await answer).Should().BeTrue();
    }

    [Fact]
    public async Task WasConsumed_ManyAttemptsForUnknownId_AllFalseWithoutWaitingOnEachOther()
    {
        var ledger = new ResumeLedger();

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            using var attempt = ledger.Begin("bookmark:unknown");
            await Task.Yield();
            attempt.End(consumedNow: false);
            return await ledger.WasConsumedAsync("bookmark:unknown", CancellationToken.None);
        })).WaitAsync(TimeSpan.FromSeconds(5));

        answers.Should().AllBeEquivalentTo(false);
    }
}
