using System.Net;
using System.Net.Http.Json;
using EmergencyWorkflows.Api.Tests.Infrastructure;

namespace EmergencyWorkflows.Api.Tests.Scenarios.ConcurrentResume;

[Collection(SharedHostCollection.Name)]
public class ConcurrentResumeTests(SharedHost host)
{
    [Fact]
    public async Task ResumeBookmark_FiftyConcurrentRequests_ExactlyOneAppliedRestConflict()
    {
        var started = await host.Client.StartAsync("durable-approval");
        var bookmarkId = (string)started.Bookmarks("Elsa.RunTask").First()["id"]!;
        var othersBefore = started.Bookmarks("Elsa.RunTask").Count() - 1;

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            host.Client.PostAsJsonAsync($"/api/bookmarks/{bookmarkId}/resume", new { input = new { attempt = i } })));

        try
        {
            responses.Count(r => r.StatusCode == HttpStatusCode.OK).Should().Be(1);
            foreach (var loser in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
            {
                await loser.ShouldBeProblemAsync(HttpStatusCode.Conflict);
            }

            var after = await host.Client.GetInstanceAsync(started.Id());
            after.Bookmarks("Elsa.RunTask").Should().HaveCount(othersBefore, "one step was completed exactly once");
            after.Bookmarks().Select(b => (string?)b["id"]).Should().NotContain(bookmarkId);
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }
    }
}
