using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EmergencyWorkflows.Api.Tests.Infrastructure;
using static EmergencyWorkflows.Api.Tests.ElsaApi.ElsaModels;

namespace EmergencyWorkflows.Api.Tests.ElsaApi;

/// <summary>The /elsa/api definition endpoints as Elsa Studio 3.8.2 calls them (docs/elsa-studio-api.md §4–§6).</summary>
[Collection(SharedHostCollection.Name)]
public class ElsaDefinitionContractTests(SharedHost host)
{
    private HttpClient Client => host.Client;

    [Fact]
    public async Task GetByDefinitionId_SeededDefinition_IsCamelCaseWithPublishLinkAndNormalisedRoot()
    {
        using var response = await Client.GetAsync($"{ElsaBase}/workflow-definitions/by-definition-id/personnel-safety?versionOptions=Latest");
        var text = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK, text);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        var definition = JsonNode.Parse(text)!.AsObject();
        definition.Select(p => p.Key).Should().Contain(
            ["id", "definitionId", "name", "version", "isLatest", "isPublished", "toolVersion", "variables", "inputs", "outputs",
             "outcomes", "customProperties", "options", "root", "links", "createdAt", "materializerName"]);
        definition.Select(p => p.Key).Should().OnlyContain(k => char.IsLower(k[0]), "the Studio matches camelCase names only");
        ((string?)definition["definitionId"]).Should().Be("personnel-safety");
        ((bool)definition["isLatest"]!).Should().BeTrue();
        definition["links"].Rels().Should().Contain("publish", "without it the editor is read-only");
        var root = definition["root"]!.AsObject();
        ((string?)root["type"]).Should().Be("Elsa.Flowchart");
        foreach (var activity in root["activities"]!.AsArray())
        {
            ((string?)activity!["nodeId"]).Should().StartWith((string?)root["nodeId"] + ":");
        }
    }

    [Fact]
    public async Task GetByDefinitionId_UnknownOrBadVersionOptions_AnswersProblem()
    {
        using var missing = await Client.GetAsync($"{ElsaBase}/workflow-definitions/by-definition-id/no-such-definition");
        await missing.ShouldBeProblemAsync(HttpStatusCode.NotFound);

        using var bad = await Client.GetAsync($"{ElsaBase}/workflow-definitions/by-definition-id/personnel-safety?versionOptions=Sometimes");
        (await bad.ShouldBeProblemAsync(HttpStatusCode.BadRequest))["detail"]!.ToString().Should().Contain("Sometimes");
    }

    [Fact]
    public async Task List_LatestPaged_HasSummariesTotalCountAndBulkPublishLink()
    {
        var page = await Client.GetElsaAsync("/workflow-definitions?versionOptions=Latest&Page=0&PageSize=2&SearchTerm=&IsSystem=False&OrderDirection=Ascending");

        page["links"].Rels().Should().Contain("bulk-publish", "without it the list disables Create");
        page["items"]!.AsArray().Should().HaveCount(2);
        ((int)page["totalCount"]!).Should().BeGreaterThan(2);
        foreach (var item in page["items"]!.AsArray())
        {
            item!["links"].Rels().Should().Contain("publish");
            ((bool)item["isLatest"]!).Should().BeTrue();
            item.AsObject().Select(p => p.Key).Should().Contain(["id", "definitionId", "name", "version", "isPublished", "isMaterializerAvailable"]);
        }

        var search = await Client.GetElsaAsync("/workflow-definitions?versionOptions=Latest&SearchTerm=Personnel");
        search["items"]!.AsArray().Select(i => (string?)i!["definitionId"]).Should().Contain("personnel-safety")
            .And.NotContain("complaint-dispute");
    }

    [Fact]
    public async Task Save_CreateFromListWithBareRoot_AssignsIdsAndNormalisesRoot()
    {
        var name = "Created " + Guid.NewGuid().ToString("N");
        var model = new JsonObject
        {
            ["definitionId"] = null,
            ["id"] = null,
            ["name"] = name,
            ["version"] = 1,
            ["isLatest"] = true,
            ["isPublished"] = false,
            ["toolVersion"] = "3.8.0.0",
            ["createdAt"] = "0001-01-01T00:00:00+00:00",
            ["root"] = new JsonObject { ["id"] = "fc1", ["type"] = "Elsa.Flowchart", ["version"] = 1, ["name"] = "Flowchart1" },
        };

        using var response = await Client.SaveAsync(model, publish: null);
        var body = (await response.ReadJsonAsync()).AsObject();

        response.StatusCode.Should().Be(HttpStatusCode.OK, body.ToJsonString());
        body.Select(p => p.Key).Should().Contain(["workflowDefinition", "alreadyPublished", "consumingWorkflowCount"]);
        var saved = body["workflowDefinition"]!.AsObject();
        ((string?)saved["definitionId"]).Should().NotBeNullOrEmpty();
        ((string?)saved["id"]).Should().NotBeNullOrEmpty();
        ((int)saved["version"]!).Should().Be(1);
        ((bool)saved["isPublished"]!).Should().BeFalse();
        saved["links"].Rels().Should().Contain("publish", "without links the editor turns read-only after a save");
        var root = saved["root"]!.AsObject();
        ((string?)root["nodeId"]).Should().Be("Workflow1:fc1");
        root["activities"].Should().BeOfType<JsonArray>();
        root["connections"].Should().BeOfType<JsonArray>();
        root["metadata"].Should().BeOfType<JsonObject>();
        root["customProperties"].Should().BeOfType<JsonObject>();

        var reopened = await Client.GetElsaAsync($"/workflow-definitions/by-definition-id/{saved["definitionId"]}?versionOptions=Latest");
        ((string?)reopened["name"]).Should().Be(name);
        ((string?)reopened["root"]!["nodeId"]).Should().Be("Workflow1:fc1");
    }

    [Fact]
    public async Task Save_DraftPublishThenEdit_FollowsElsaVersionRules()
    {
        var id = NewDefinitionId();
        var v1 = await Client.SavedAsync(Waiting(id, "Rules " + id, "one"), publish: false);
        var v1Again = await Client.SavedAsync(Waiting(id, "Rules " + id, "one, edited"), publish: false);
        ((string?)v1Again["id"]).Should().Be((string?)v1["id"], "a draft is updated in place");
        ((int)v1Again["version"]!).Should().Be(1);

        var published = await Client.SavedAsync(Waiting(id, "Rules " + id, "one, published"), publish: true);
        ((int)published["version"]!).Should().Be(1, "publishing the latest draft publishes that version");
        ((bool)published["isPublished"]!).Should().BeTrue();

        var v2 = await Client.SavedAsync(Waiting(id, "Rules " + id, "two"), publish: false);
        ((int)v2["version"]!).Should().Be(2, "editing a published latest version creates the next version");
        ((bool)v2["isLatest"]!).Should().BeTrue();
        ((bool)v2["isPublished"]!).Should().BeFalse();

        var history = await Client.GetElsaAsync($"/workflow-definitions?versionOptions=AllVersions&Page=0&PageSize=10&DefinitionIds={id}&OrderBy=Version&OrderDirection=Descending");
        var rows = history["items"]!.AsArray();
        rows.Select(r => (int)r!["version"]!).Should().Equal(2, 1);
        rows.Select(r => ((bool)r!["isLatest"]!, (bool)r["isPublished"]!)).Should().Equal((true, false), (false, true));

        var byVersion = await Client.GetElsaAsync($"/workflow-definitions/by-id/{v1["id"]}");
        ((string?)byVersion["root"]!["activities"]![1]!["text"]!["expression"]!["value"]).Should().Be("one, published");
        var published2 = await Client.GetElsaAsync($"/workflow-definitions/by-definition-id/{id}?versionOptions=Published");
        ((int)published2["version"]!).Should().Be(1);
    }

    public static TheoryData<string, JsonObject, string> InvalidModels() => new()
    {
        { "unknown activity", Broken(Activity("x", "Acme.DoesNotExist")), "Acme.DoesNotExist" },
        { "unsupported language", Broken(Activity("x", "Elsa.WriteLine", ("text", Expression("CSharp", "\"hi\"")))), "CSharp" },
        { "script that does not parse", Broken(Activity("x", "Elsa.WriteLine", ("text", Expression("JavaScript", "return (1 +")))), "text" },
        { "missing port", BrokenPort(), "Nope" },
        {
            "human task with a malformed Chinese label", Broken(Activity("x", "Emergency.HumanTask", ("title", Expression("Literal", "Check")),
                ("formFields", Expression("Object", """[{"name": "a", "label": "A", "labelZh": 7}]""")))), "form field 'a' labelZh must be text"
        },
    };

    [Theory]
    [MemberData(nameof(InvalidModels))]
    public async Task SavePublish_DefinitionTheRuntimeCannotRun_Answers400WithErrorsAndStoresNothing(string problem, JsonObject model, string mentioned)
    {
        var id = NewDefinitionId();
        model["definitionId"] = id;
        model["name"] = problem + " " + id;

        using var response = await Client.SaveAsync(model, publish: true);

        var body = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var errors = body["errors"]!["generalErrors"]!.AsArray().Select(e => (string?)e).ToList();
        errors.Should().NotBeEmpty().And.Contain(e => e!.Contains(mentioned, StringComparison.Ordinal), problem);
        using var get = await Client.GetAsync($"{ElsaBase}/workflow-definitions/by-definition-id/{id}");
        get.StatusCode.Should().Be(HttpStatusCode.NotFound, "a refused publish stores nothing");
    }

    [Fact]
    public async Task PublishEndpoint_InvalidDraftThenValid_RefusesThenPublishesOnce()
    {
        var id = NewDefinitionId();
        var broken = Broken(Activity("x", "Acme.DoesNotExist"));
        broken["definitionId"] = id;
        await Client.SavedAsync(broken, publish: false);

        using var refused = await Client.PostAsJsonAsync($"{ElsaBase}/workflow-definitions/{id}/publish", new { });
        (await refused.ShouldBeProblemAsync(HttpStatusCode.BadRequest))["errors"]!["generalErrors"]!.AsArray().Should().NotBeEmpty();

        await Client.SavedAsync(Waiting(id, "Publish " + id, "fixed"), publish: false);
        using var first = await Client.PostAsJsonAsync($"{ElsaBase}/workflow-definitions/{id}/publish", new { });
        var firstBody = await first.ReadJsonAsync();
        first.StatusCode.Should().Be(HttpStatusCode.OK, firstBody.ToJsonString());
        ((bool)firstBody["alreadyPublished"]!).Should().BeFalse();
        ((bool)firstBody["workflowDefinition"]!["isPublished"]!).Should().BeTrue();
        firstBody["workflowDefinition"]!["links"].Rels().Should().Contain("publish");

        using var second = await Client.PostAsJsonAsync($"{ElsaBase}/workflow-definitions/{id}/publish", new { });
        ((bool)(await second.ReadJsonAsync())["alreadyPublished"]!).Should().BeTrue();

        using var missing = await Client.PostAsJsonAsync($"{ElsaBase}/workflow-definitions/{NewDefinitionId()}/publish", new { });
        await missing.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Retract_PublishedDefinition_NewStartsRefusedAndSecondRetractIs400()
    {
        var id = NewDefinitionId();
        await Client.SavedAsync(Waiting(id, "Retract " + id, "x"), publish: true);

        using var retract = await Client.PostAsJsonAsync($"{ElsaBase}/workflow-definitions/{id}/retract", new { });
        var body = await retract.ReadJsonAsync();
        retract.StatusCode.Should().Be(HttpStatusCode.OK, body.ToJsonString());
        ((bool)body["isPublished"]!).Should().BeFalse();
        body["links"].Rels().Should().Contain("publish");

        using var start = await Client.PostAsJsonAsync($"/api/workflows/{id}/instances", new { });
        await start.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        using var again = await Client.PostAsJsonAsync($"{ElsaBase}/workflow-definitions/{id}/retract", new { });
        (await again.ShouldBeProblemAsync(HttpStatusCode.BadRequest))["errors"].Should().NotBeNull();
    }

    [Fact]
    public async Task Save_AfterRetractingVersionInstancesRanOn_CreatesNextVersionInsteadOfEditingIt()
    {
        var id = NewDefinitionId();
        var v1 = await Client.SavedAsync(Waiting(id, "Frozen " + id, "what the instance runs"), publish: true);
        var running = await Client.StartAsync(id);
        using var retract = await Client.PostAsJsonAsync($"{ElsaBase}/workflow-definitions/{id}/retract", new { });
        retract.StatusCode.Should().Be(HttpStatusCode.OK);

        var edited = await Client.SavedAsync(Waiting(id, "Frozen " + id, "edited after retract"), publish: false);

        ((int)edited["version"]!).Should().Be(2);
        var original = await Client.GetElsaAsync($"/workflow-definitions/by-id/{v1["id"]}");
        ((string?)original["root"]!["activities"]![1]!["text"]!["expression"]!["value"]).Should().Be("what the instance runs");
        ((int)(await Client.GetInstanceAsync(running.Id()))["definitionVersion"]!).Should().Be(1);
    }

    [Fact]
    public async Task Delete_Definition_Answers204ThenItIsGone()
    {
        var id = NewDefinitionId();
        await Client.SavedAsync(Waiting(id, "Delete " + id, "x"), publish: true);

        using var delete = await Client.DeleteAsync($"{ElsaBase}/workflow-definitions/{id}");
        delete.StatusCode.Should().Be(HttpStatusCode.NoContent);
        using var get = await Client.GetAsync($"{ElsaBase}/workflow-definitions/by-definition-id/{id}");
        get.StatusCode.Should().Be(HttpStatusCode.NotFound);
        using var again = await Client.DeleteAsync($"{ElsaBase}/workflow-definitions/{id}");
        await again.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Delete_DefinitionWithRunningInstance_Answers400AndKeepsIt()
    {
        var id = NewDefinitionId();
        var v1 = await Client.SavedAsync(Waiting(id, "Running " + id, "x"), publish: true);
        var running = await Client.StartAsync(id);

        using var delete = await Client.DeleteAsync($"{ElsaBase}/workflow-definitions/{id}");
        (await delete.ShouldBeProblemAsync(HttpStatusCode.BadRequest))["errors"]!.ToJsonString().Should().Contain("running");
        using var deleteVersion = await Client.DeleteAsync($"{ElsaBase}/workflow-definition-versions/{v1["id"]}");
        await deleteVersion.ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        var taskId = (string)running.Bookmarks("Elsa.RunTask").Single()["key"]!;
        using var complete = await Client.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { result = "ok" });
        (await complete.ReadJsonAsync()).AsObject().Status().Should().Be("Finished", "the version it runs on is still there");
        using var afterwards = await Client.DeleteAsync($"{ElsaBase}/workflow-definitions/{id}");
        afterwards.StatusCode.Should().Be(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task DeleteVersion_LatestDraft_PreviousVersionBecomesLatest()
    {
        var id = NewDefinitionId();
        await Client.SavedAsync(Waiting(id, "Versions " + id, "one"), publish: true);
        var v2 = await Client.SavedAsync(Waiting(id, "Versions " + id, "two"), publish: false);

        using var delete = await Client.DeleteAsync($"{ElsaBase}/workflow-definition-versions/{v2["id"]}");
        delete.StatusCode.Should().Be(HttpStatusCode.NoContent);

        var latest = await Client.GetElsaAsync($"/workflow-definitions/by-definition-id/{id}?versionOptions=Latest");
        ((int)latest["version"]!).Should().Be(1);
        ((bool)latest["isLatest"]!).Should().BeTrue();
    }

    [Fact]
    public async Task IsNameUnique_TakenByAnotherDefinition_IsFalseElseTrue()
    {
        (await Client.GetElsaAsync("/workflow-definitions/validation/is-name-unique?name=Personnel%20safety"))["isUnique"]!
            .GetValue<bool>().Should().BeFalse();
        (await Client.GetElsaAsync("/workflow-definitions/validation/is-name-unique?name=Personnel%20safety&definitionId=personnel-safety"))["isUnique"]!
            .GetValue<bool>().Should().BeTrue("a definition does not clash with itself");
        (await Client.GetElsaAsync($"/workflow-definitions/validation/is-name-unique?name={Guid.NewGuid():N}"))["isUnique"]!
            .GetValue<bool>().Should().BeTrue();
    }

    [Fact]
    public async Task Revert_ToVersionOne_LatestDraftHasVersionOneContent()
    {
        var id = NewDefinitionId();
        await Client.SavedAsync(Waiting(id, "Revert " + id, "original"), publish: true);
        await Client.SavedAsync(Waiting(id, "Revert " + id, "changed"), publish: true);

        using var revert = await Client.PostAsync($"{ElsaBase}/workflow-definitions/{id}/revert/1", null);
        var summary = await revert.ReadJsonAsync();

        revert.StatusCode.Should().Be(HttpStatusCode.OK, summary.ToJsonString());
        ((int)summary["version"]!).Should().Be(3);
        var latest = await Client.GetElsaAsync($"/workflow-definitions/by-definition-id/{id}?versionOptions=Latest");
        ((string?)latest["root"]!["activities"]![1]!["text"]!["expression"]!["value"]).Should().Be("original");
        ((bool)latest["isPublished"]!).Should().BeFalse("a revert is a draft until published");
    }

    [Fact]
    public async Task ExportThenImport_Definition_RoundTripsAsFileWithoutLinks()
    {
        var id = NewDefinitionId();
        await Client.SavedAsync(Waiting(id, "Export " + id, "exported text"), publish: true);

        using var export = await Client.GetAsync($"{ElsaBase}/workflow-definitions/{id}/export?versionOptions=Latest&includeConsumingWorkflows=false");
        var file = (await export.ReadJsonAsync()).AsObject();
        export.StatusCode.Should().Be(HttpStatusCode.OK);
        export.Content.Headers.ContentDisposition!.FileName.Should().Contain(id);
        file.ContainsKey("links").Should().BeFalse();
        ((string?)file["definitionId"]).Should().Be(id);

        var importedId = NewDefinitionId();
        file["definitionId"] = importedId;
        file["name"] = "Imported " + importedId;
        using var import = await Client.PostAsJsonAsync($"{ElsaBase}/workflow-definitions/import", file);
        var imported = await import.ReadJsonAsync();
        import.StatusCode.Should().Be(HttpStatusCode.OK, imported.ToJsonString());
        ((string?)imported["definitionId"]).Should().Be(importedId);
        imported["links"].Rels().Should().Contain("publish");
        ((string?)imported["root"]!["activities"]![1]!["text"]!["expression"]!["value"]).Should().Be("exported text");
    }

    [Fact]
    public async Task BulkActions_PublishRetractDelete_ReportPerDefinition()
    {
        var draft = NewDefinitionId();
        var missing = NewDefinitionId();
        await Client.SavedAsync(Waiting(draft, "Bulk " + draft, "x"), publish: false);

        using var publish = await Client.PostAsJsonAsync($"{ElsaBase}/bulk-actions/publish/workflow-definitions/by-definition-ids",
            new { definitionIds = new[] { draft, "personnel-safety", missing } });
        var published = await publish.ReadJsonAsync();
        publish.StatusCode.Should().Be(HttpStatusCode.OK, published.ToJsonString());
        published["published"]!.AsArray().Select(n => (string?)n).Should().Equal(draft);
        published["alreadyPublished"]!.AsArray().Select(n => (string?)n).Should().Equal("personnel-safety");
        published["notFound"]!.AsArray().Select(n => (string?)n).Should().Equal(missing);

        using var retract = await Client.PostAsJsonAsync($"{ElsaBase}/bulk-actions/retract/workflow-definitions/by-definition-ids",
            new { definitionIds = new[] { draft, missing } });
        var retracted = await retract.ReadJsonAsync();
        retracted["retracted"]!.AsArray().Select(n => (string?)n).Should().Equal(draft);
        retracted["notFound"]!.AsArray().Select(n => (string?)n).Should().Equal(missing);

        using var delete = await Client.PostAsJsonAsync($"{ElsaBase}/bulk-actions/delete/workflow-definitions/by-definition-id",
            new { definitionIds = new[] { draft, missing } });
        ((int)(await delete.ReadJsonAsync())["deleted"]!).Should().Be(1);

        using var bad = await Client.PostAsJsonAsync($"{ElsaBase}/bulk-actions/delete/workflow-definitions/by-definition-id", new { ids = 1 });
        await bad.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Save_BodyWithoutModel_Answers400Problem()
    {
        using var response = await Client.PostAsJsonAsync($"{ElsaBase}/workflow-definitions", new { publish = true });
        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest))["detail"]!.ToString().Should().Contain("model");
    }

    [Fact]
    public async Task Execute_PublishedDefinition_StartsInstanceAndNamesItInHeader()
    {
        var id = NewDefinitionId();
        await Client.SavedAsync(Waiting(id, "Run " + id, "run"), publish: true);

        using var run = await Client.PostAsJsonAsync($"{ElsaBase}/workflow-definitions/{id}/execute",
            new { correlationId = (string?)null, triggerActivityId = (string?)null, versionOptions = "Latest", input = (object?)null });
        var body = await run.ReadJsonAsync();

        run.StatusCode.Should().Be(HttpStatusCode.OK, body.ToJsonString());
        var instanceId = run.Headers.GetValues("x-elsa-workflow-instance-id").Single();
        var instance = await Client.GetInstanceAsync(instanceId);
        ((string?)instance["definitionId"]).Should().Be(id);
        instance.Bookmarks("Elsa.RunTask").Should().ContainSingle();
    }

    [Fact]
    public async Task Execute_DraftOnly_Answers400WithErrors()
    {
        var id = NewDefinitionId();
        await Client.SavedAsync(Waiting(id, "Draft " + id, "draft"), publish: false);

        using var run = await Client.PostAsJsonAsync($"{ElsaBase}/workflow-definitions/{id}/execute", new { versionOptions = "Latest" });

        (await run.ShouldBeProblemAsync(HttpStatusCode.BadRequest))["errors"]!["generalErrors"]!.ToJsonString().Should().Contain("publish");
    }

    [Fact]
    public async Task Publish_NewVersion_RunningInstanceKeepsOldVersionAndNewStartsUseNewOne()
    {
        var id = NewDefinitionId();
        await Client.SavedAsync(Waiting(id, "Keep " + id, "version one"), publish: true);
        var before = await Client.StartAsync(id);

        await Client.SavedAsync(Waiting(id, "Keep " + id, "version two"), publish: true);
        var after = await Client.StartAsync(id);

        ((int)before["definitionVersion"]!).Should().Be(1);
        ((int)after["definitionVersion"]!).Should().Be(2);
        var taskId = (string)before.Bookmarks("Elsa.RunTask").Single()["key"]!;
        using var complete = await Client.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { result = "ok" });
        complete.StatusCode.Should().Be(HttpStatusCode.OK, await complete.Content.ReadAsStringAsync());
        var finished = await Client.GetInstanceAsync(before.Id());
        finished.Status().Should().Be("Finished");
        ((int)finished["definitionVersion"]!).Should().Be(1);
    }

    private static JsonObject Broken(JsonObject activity)
    {
        var model = Waiting(null, "broken", "x");
        var root = model["root"]!.AsObject();
        root["activities"]!.AsArray().Add(activity);
        root["connections"]!.AsArray().Add(Connect("task", "Done", (string)activity["id"]!));
        return model;
    }

    private static JsonObject BrokenPort()
    {
        var model = Waiting(null, "broken port", "x");
        model["root"]!["connections"]!.AsArray().Add(Connect("line", "Nope", "end"));
        return model;
    }
}
