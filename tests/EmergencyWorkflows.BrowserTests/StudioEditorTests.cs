using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EmergencyWorkflows.BrowserTests;

/// <summary>
/// The real Elsa Studio 3.8.2 in Debian's Chromium against our backend: the list, the designer, a palette drop, an
/// input edit, publish; then the API and the runtime see the new version, and an instance started before keeps its own.
/// </summary>
[Collection(BrowserCollection.Name)]
public class StudioEditorTests(BrowserHost host)
{
    private const string DefinitionId = "personnel-safety";

    // As many nodes as the repository's file holds, so the test follows edits to the plan instead of pinning a count.
    private static readonly int SeededActivities = BrowserHost.WorkflowActivityCount(DefinitionId);

    [Fact]
    public async Task Studio_DropEditPublish_NewInstancesRunNewVersionAndOldInstanceKeepsItsVersion()
    {
        var before = await StartAsync();
        ((int)before["definitionVersion"]!).Should().Be(1);
        var edit = "Studio edit " + Guid.NewGuid().ToString("N")[..8];
        string? runInstanceId = null;

        await using var context = await host.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1600, Height = 1000 },
        });
        await host.SignInAsync(context);
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };

        try
        {
            // The list element: open personnel-safety by clicking its row (our page maps the row callback to the editor).
            await page.GotoAsync(new Uri(host.BaseAddress, "/studio/").ToString());
            var row = page.Locator("tr:has-text('Personnel safety')").First;
            await row.WaitForAsync(new() { Timeout = 45_000 });
            await Shot(page, "01-list");
            await row.ClickAsync();
            await page.WaitForURLAsync($"**/studio/definitions/{DefinitionId}");

            // The designer: every seeded activity on the canvas.
            var nodes = page.Locator("g.x6-node[data-shape='elsa-activity']");
            await Expect(nodes).ToHaveCountAsync(SeededActivities, new() { Timeout = 45_000 });
            await Shot(page, "02-editor-loaded");

            // Drop a Write Line from the palette; auto-save stores it as the next draft version.
            await page.Locator(".mud-expand-panel-header:has-text('Console')").ClickAsync();
            var paletteItem = page.Locator("div[draggable='true']:has-text('Write Line')");
            var dropSaved = page.WaitForResponseAsync(IsSave(_ => true));
            await paletteItem.DragToAsync(page.Locator(".x6-graph").First, new() { TargetPosition = new() { X = 120, Y = 40 } });
            await Expect(nodes).ToHaveCountAsync(SeededActivities + 1);
            (await dropSaved).Status.Should().Be(200);
            await Shot(page, "03-dropped");

            // The dropped activity is selected: type its Text input; auto-save sends it.
            var text = page.Locator(".mud-input-control:has(label:text-is('Text')) input").First;
            var editSaved = page.WaitForResponseAsync(IsSave(body => body.Contains(edit, StringComparison.Ordinal)));
            await text.FillAsync(edit);
            await text.PressAsync("Tab");
            (await editSaved).Status.Should().Be(200);
            await Shot(page, "04-edited");

            // Publish (the editor's Publish posts the model with publish: true).
            var published = page.WaitForResponseAsync(IsSave(body => body.Contains("\"publish\":true", StringComparison.Ordinal)));
            await page.Locator("div.mud-button-group-root button.mud-icon-button.mud-primary-text").First.ClickAsync();
            (await published).Status.Should().Be(200);
            await Expect(page.Locator(".mud-snackbar").First).ToBeVisibleAsync();
            await Shot(page, "05-published");

            // Run: the published version starts; the page stays in the designer and names the instance.
            var ran = page.WaitForResponseAsync(r => r.Request.Method == "POST"
                && r.Url.EndsWith($"/elsa/api/workflow-definitions/{DefinitionId}/execute", StringComparison.Ordinal));
            await page.Locator("button.mud-icon-button.mud-success-text").First.ClickAsync();
            var run = await ran;
            run.Status.Should().Be(200);
            runInstanceId = await run.HeaderValueAsync("x-elsa-workflow-instance-id");
            await Expect(page.Locator("#ew-run-instance")).ToHaveTextAsync(runInstanceId!);
            page.Url.Should().EndWith($"/studio/definitions/{DefinitionId}");
            await Shot(page, "06-run");
        }
        catch
        {
            await Shot(page, "99-failure");
            throw;
        }

        errors.Should().BeEmpty("the Studio must run against our backend without client errors");

        // The API: version 2 is the published one and holds the dropped, edited activity.
        using var response = await host.Api.GetAsync($"/elsa/api/workflow-definitions/by-definition-id/{DefinitionId}?versionOptions=Published");
        var definition = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        ((int)definition["version"]!).Should().Be(2);
        ((bool)definition["isPublished"]!).Should().BeTrue();
        ((bool)definition["isLatest"]!).Should().BeTrue();
        var activities = definition["root"]!["activities"]!.AsArray();
        activities.Should().HaveCount(SeededActivities + 1);
        activities.Should().Contain(a => (string?)a!["type"] == "Elsa.WriteLine" && (string?)a["text"]!["expression"]!["value"] == edit);

        // The runtime: new incidents use version 2; the instance started before keeps version 1 and still resumes.
        var after = await StartAsync();
        ((int)after["definitionVersion"]!).Should().Be(2);
        // The Response SLA step of workflows/personnel-safety.json, met by an acknowledgement (its task list opens only
        // after the assessment, which needs an incident record).
        var bookmarkId = (string)before["bookmarks"]!.AsArray()
            .First(b => (string?)b!["name"] == "Emergency.Response" && (string?)b["activityId"] == "5b6439598fde5e1c")!["id"]!;
        using var complete = await host.Api.PostAsJsonAsync($"/api/bookmarks/{bookmarkId}/resume",
            new { input = new { EmergencyResponse = new { kind = "Acknowledge", by = "lead" } } });
        var resumed = JsonNode.Parse(await complete.Content.ReadAsStringAsync())!.AsObject();
        complete.StatusCode.Should().Be(HttpStatusCode.OK, resumed.ToJsonString());
        ((int)resumed["definitionVersion"]!).Should().Be(1);
        resumed["incidents"]!.AsArray().Should().BeEmpty();

        using var runInstance = await host.Api.GetAsync($"/api/instances/{runInstanceId}");
        var ranOnVersion = JsonNode.Parse(await runInstance.Content.ReadAsStringAsync())!;
        runInstance.StatusCode.Should().Be(HttpStatusCode.OK, ranOnVersion.ToJsonString());
        ((int)ranOnVersion["definitionVersion"]!).Should().Be(2, "Run starts the published version");
    }

    private async Task<JsonObject> StartAsync()
    {
        using var response = await host.Api.PostAsJsonAsync($"/api/workflows/{DefinitionId}/instances", new { input = new { place = "Building A" } });
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        response.StatusCode.Should().Be(HttpStatusCode.Created, body.ToJsonString());
        return body;
    }

    private static Func<IResponse, bool> IsSave(Func<string, bool> body) => response =>
        response.Request.Method == "POST"
        && response.Url.EndsWith("/elsa/api/workflow-definitions", StringComparison.Ordinal)
        && body(response.Request.PostData ?? string.Empty);

    private static async Task Shot(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserHost.Screenshots, $"studio-{name}.png") });
}
