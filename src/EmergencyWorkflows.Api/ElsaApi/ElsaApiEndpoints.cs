using System.Text;
using System.Text.Json.Nodes;
using EmergencyWorkflows.Api.Errors;
using EmergencyWorkflows.Runtime.Definitions;
using EmergencyWorkflows.Runtime.Execution;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace EmergencyWorkflows.Api.ElsaApi;

/// <summary>
/// The part of Elsa's REST API that Elsa Studio 3.8.2 calls (see docs/elsa-studio-api.md), under one group so that
/// access rules are applied once. camelCase JSON; definitions carry the HATEOAS links the Studio needs; errors are
/// ProblemDetails with an <c>errors</c> member, which the Studio shows in a snackbar.
/// </summary>
internal static class ElsaApiEndpoints
{
    public static RouteGroupBuilder MapElsaApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/elsa/api").WithTags("Elsa API");

        var definitions = api.MapGroup("/workflow-definitions");
        definitions.MapGet("/", ListAsync);
        definitions.MapPost("/", SaveAsync);
        definitions.MapGet("/validation/is-name-unique", IsNameUniqueAsync);
        definitions.MapGet("/by-definition-id/{definitionId}", GetAsync);
        definitions.MapGet("/by-id/{versionId}", GetByVersionIdAsync);
        definitions.MapPost("/import", ImportAsync);
        definitions.MapGet("/{definitionId}", GetAsync);
        definitions.MapDelete("/{definitionId}", DeleteAsync);
        definitions.MapPost("/{definitionId}/publish", PublishAsync);
        definitions.MapPost("/{definitionId}/retract", RetractAsync);
        definitions.MapPost("/{definitionId}/revert/{version:int}", RevertAsync);
        definitions.MapGet("/{definitionId}/export", ExportAsync);
        definitions.MapPost("/{definitionId}/execute", ExecuteAsync);
        api.MapDelete("/workflow-definition-versions/{versionId}", DeleteVersionAsync);

        var bulk = api.MapGroup("/bulk-actions");
        bulk.MapPost("/publish/workflow-definitions/by-definition-ids", BulkPublishAsync);
        bulk.MapPost("/retract/workflow-definitions/by-definition-ids", BulkRetractAsync);
        bulk.MapPost("/delete/workflow-definitions/by-definition-id", BulkDeleteAsync);
        bulk.MapPost("/delete/workflow-definitions/by-id", BulkDeleteVersionsAsync);

        api.MapElsaDescriptors();
        return api;
    }

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> ListAsync(
        ElsaDefinitions definitions,
        CancellationToken cancellationToken,
        string? versionOptions = null,
        int? page = null,
        int? pageSize = null,
        string? searchTerm = null,
        bool? isSystem = null,
        string? orderBy = null,
        string? orderDirection = null,
        [FromQuery(Name = "DefinitionIds")] string[]? definitionIds = null,
        [FromQuery(Name = "Ids")] string[]? ids = null)
    {
        if (!ElsaVersionOptions.TryParse(versionOptions, new ElsaVersionOptions(ElsaVersionKind.All), out var options))
        {
            return BadVersionOptions(versionOptions);
        }

        if (page < 0 || pageSize < 0)
        {
            return Problems.BadRequest("Page and PageSize must not be negative.");
        }

        IEnumerable<StoredDefinition> query = (await definitions.ListAllVersionsAsync(cancellationToken)).Where(options.Matches);
        if (isSystem == true)
        {
            query = [];
        }

        if (definitionIds is { Length: > 0 })
        {
            query = query.Where(d => definitionIds.Contains(d.DefinitionId, StringComparer.Ordinal));
        }

        if (ids is { Length: > 0 })
        {
            query = query.Where(d => ids.Contains(d.VersionId, StringComparer.Ordinal));
        }

        if (!string.IsNullOrWhiteSpace(searchTerm))
        {
            query = query.Where(d => (d.Name ?? string.Empty).Contains(searchTerm, StringComparison.OrdinalIgnoreCase)
                || d.DefinitionId.Contains(searchTerm, StringComparison.OrdinalIgnoreCase));
        }

        var descending = string.Equals(orderDirection, "Descending", StringComparison.OrdinalIgnoreCase);
        Func<StoredDefinition, object> key = (orderBy ?? string.Empty).ToUpperInvariant() switch
        {
            "VERSION" => d => d.Version,
            "CREATEDAT" => d => d.CreatedAt,
            _ => d => d.Name ?? d.DefinitionId,
        };
        var ordered = descending
            ? query.OrderByDescending(key).ThenByDescending(d => d.Version)
            : query.OrderBy(key).ThenBy(d => d.Version);
        var all = ordered.ToList();
        var items = page is not null && pageSize is > 0 ? all.Skip(page.Value * pageSize.Value).Take(pageSize.Value) : all;

        return TypedResults.Ok(new JsonObject
        {
            ["items"] = new JsonArray(items.Select(d => (JsonNode)ElsaDefinitionShapes.Summary(d)).ToArray()),
            ["totalCount"] = all.Count,
            ["links"] = ElsaDefinitionShapes.ListLinks(),
        });
    }

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> GetAsync(
        string definitionId, ElsaDefinitions definitions, CancellationToken cancellationToken, string? versionOptions = null)
    {
        if (!ElsaVersionOptions.TryParse(versionOptions, ElsaVersionOptions.Latest, out var options))
        {
            return BadVersionOptions(versionOptions);
        }

        var found = await definitions.FindAsync(definitionId, options, cancellationToken);
        return found is null
            ? Problems.NotFound($"No workflow definition '{definitionId}' matches version options '{versionOptions ?? "Latest"}'.")
            : TypedResults.Ok(ElsaDefinitionShapes.Definition(found));
    }

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> GetByVersionIdAsync(
        string versionId, ElsaDefinitions definitions, CancellationToken cancellationToken)
    {
        var found = await definitions.FindByVersionIdAsync(versionId, cancellationToken);
        return found is null
            ? Problems.NotFound($"No workflow definition version '{versionId}' exists.")
            : TypedResults.Ok(ElsaDefinitionShapes.Definition(found));
    }

    private static async Task<Ok<JsonObject>> IsNameUniqueAsync(
        string name, ElsaDefinitions definitions, CancellationToken cancellationToken, string? definitionId = null) =>
        TypedResults.Ok(new JsonObject { ["isUnique"] = await definitions.IsNameUniqueAsync(name, definitionId, cancellationToken) });

    /// <summary>Auto-save, Save, the editor's Publish and the list's Create all come here: <c>{model, publish}</c>.</summary>
    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> SaveAsync(
        JsonObject body, ElsaDefinitions definitions, CancellationToken cancellationToken)
    {
        if (body["model"] is not JsonObject model)
        {
            return Problems.BadRequest("The body must be {\"model\": <workflow definition>, \"publish\": true|false}.");
        }

        var publish = body["publish"] is JsonValue p && p.TryGetValue<bool>(out var flag) && flag;
        var outcome = await definitions.SaveAsync(model, publish, cancellationToken);
        return outcome.Definition is null ? Refused(outcome.Errors) : TypedResults.Ok(SaveResponse(outcome));
    }

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> ImportAsync(
        JsonObject model, ElsaDefinitions definitions, CancellationToken cancellationToken)
    {
        var publish = model["isPublished"] is JsonValue p && p.TryGetValue<bool>(out var flag) && flag;
        var outcome = await definitions.SaveAsync(model, publish, cancellationToken);
        return outcome.Definition is null ? Refused(outcome.Errors) : TypedResults.Ok(ElsaDefinitionShapes.Definition(outcome.Definition));
    }

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> PublishAsync(
        string definitionId, ElsaDefinitions definitions, CancellationToken cancellationToken)
    {
        var outcome = await definitions.PublishAsync(definitionId, cancellationToken);
        if (outcome is null)
        {
            return Problems.NotFound($"No workflow definition '{definitionId}' exists.");
        }

        return outcome.Definition is null ? Refused(outcome.Errors) : TypedResults.Ok(SaveResponse(outcome));
    }

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> RetractAsync(
        string definitionId, ElsaDefinitions definitions, CancellationToken cancellationToken)
    {
        var retracted = await definitions.RetractAsync(definitionId, cancellationToken);
        if (retracted is null)
        {
            return await definitions.FindLatestAsync(definitionId, cancellationToken) is null
                ? Problems.NotFound($"No workflow definition '{definitionId}' exists.")
                : Refused([$"Workflow definition '{definitionId}' has no published version to retract."]);
        }

        return TypedResults.Ok(ElsaDefinitionShapes.Definition(retracted));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string definitionId, ElsaDefinitions definitions, CancellationToken cancellationToken) =>
        Deleted(await definitions.DeleteAsync(definitionId, cancellationToken), $"No workflow definition '{definitionId}' exists.");

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteVersionAsync(
        string versionId, ElsaDefinitions definitions, CancellationToken cancellationToken) =>
        Deleted(await definitions.DeleteVersionAsync(versionId, cancellationToken), $"No workflow definition version '{versionId}' exists.");

    private static Results<NoContent, ProblemHttpResult> Deleted(DeleteOutcome outcome, string notFound) => outcome switch
    {
        { IsDeleted: true } => TypedResults.NoContent(),
        { Error: { } error } => Refused([error]),
        _ => Problems.NotFound(notFound),
    };

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> RevertAsync(
        string definitionId, int version, ElsaDefinitions definitions, CancellationToken cancellationToken)
    {
        var reverted = await definitions.RevertAsync(definitionId, version, cancellationToken);
        return reverted is null
            ? Problems.NotFound($"Workflow definition '{definitionId}' has no version {version}.")
            : TypedResults.Ok(ElsaDefinitionShapes.Summary(reverted));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportAsync(
        string definitionId, ElsaDefinitions definitions, CancellationToken cancellationToken, string? versionOptions = null)
    {
        if (!ElsaVersionOptions.TryParse(versionOptions, ElsaVersionOptions.Latest, out var options))
        {
            return BadVersionOptions(versionOptions);
        }

        var found = await definitions.FindAsync(definitionId, options, cancellationToken);
        if (found is null)
        {
            return Problems.NotFound($"No workflow definition '{definitionId}' matches version options '{versionOptions ?? "Latest"}'.");
        }

        var bytes = Encoding.UTF8.GetBytes(ElsaDefinitionShapes.Export(found).ToJsonString(ExportJson.Options));
        return TypedResults.File(bytes, "application/json", $"{found.DefinitionId}.json");
    }

    /// <summary>
    /// The Run button. Starts the published version (the one new incidents use). A draft is never run: its content
    /// still changes with every auto-save, and an instance must keep the exact version it started on.
    /// </summary>
    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> ExecuteAsync(
        string definitionId,
        JsonObject? body,
        HttpResponse response,
        ElsaDefinitions definitions,
        IWorkflowRuntime runtime,
        CancellationToken cancellationToken)
    {
        var latest = await definitions.FindLatestAsync(definitionId, cancellationToken);
        var published = await definitions.FindAsync(definitionId, new ElsaVersionOptions(ElsaVersionKind.Published), cancellationToken);
        if (latest is null)
        {
            return Problems.NotFound($"No workflow definition '{definitionId}' exists.");
        }

        if (published is null)
        {
            return Refused([$"Workflow definition '{definitionId}' has no published version; publish it before running it."]);
        }

        var correlationId = body?["correlationId"] is JsonValue c && c.TryGetValue<string>(out var cid) ? cid : null;
        var input = body?["input"] as JsonObject;
        WorkflowInstanceView started;
        try
        {
            var instance = await runtime.StartAsync(
                new StartWorkflowRequest(definitionId, (JsonObject?)input?.DeepClone(), correlationId, VersionId: published.VersionId),
                cancellationToken);
            started = new WorkflowInstanceView(instance.Id, instance.Status.ToString(), instance.SubStatus.ToString());
        }
        catch (WorkflowDefinitionInvalidException invalid)
        {
            return Refused(invalid.Errors);
        }

        response.Headers["x-elsa-workflow-instance-id"] = started.Id;
        return TypedResults.Ok(new JsonObject
        {
            ["workflowInstanceId"] = started.Id,
            ["definitionId"] = definitionId,
            ["version"] = published.Version,
            ["status"] = started.Status,
            ["subStatus"] = started.SubStatus,
        });
    }

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> BulkPublishAsync(
        JsonObject body, ElsaDefinitions definitions, CancellationToken cancellationToken)
    {
        if (DefinitionIds(body) is not { } ids)
        {
            return Problems.BadRequest("The body must be {\"definitionIds\": [\"...\"]}.");
        }

        JsonArray published = [], alreadyPublished = [], notFound = [], skipped = [];
        foreach (var id in ids)
        {
            var outcome = await definitions.PublishAsync(id, cancellationToken);
            var target = outcome switch
            {
                null => notFound,
                { Definition: null } => skipped,
                { AlreadyPublished: true } => alreadyPublished,
                _ => published,
            };
            target.Add(id);
        }

        return TypedResults.Ok(new JsonObject
        {
            ["published"] = published,
            ["alreadyPublished"] = alreadyPublished,
            ["notFound"] = notFound,
            ["skipped"] = skipped,
            ["updatedConsumers"] = new JsonArray(),
        });
    }

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> BulkRetractAsync(
        JsonObject body, ElsaDefinitions definitions, CancellationToken cancellationToken)
    {
        if (DefinitionIds(body) is not { } ids)
        {
            return Problems.BadRequest("The body must be {\"definitionIds\": [\"...\"]}.");
        }

        JsonArray retracted = [], alreadyRetracted = [], notFound = [];
        foreach (var id in ids)
        {
            if (await definitions.RetractAsync(id, cancellationToken) is not null)
            {
                retracted.Add(id);
            }
            else if (await definitions.FindLatestAsync(id, cancellationToken) is null)
            {
                notFound.Add(id);
            }
            else
            {
                alreadyRetracted.Add(id);
            }
        }

        return TypedResults.Ok(new JsonObject { ["retracted"] = retracted, ["alreadyRetracted"] = alreadyRetracted, ["notFound"] = notFound });
    }

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> BulkDeleteAsync(
        JsonObject body, ElsaDefinitions definitions, CancellationToken cancellationToken)
    {
        if (DefinitionIds(body) is not { } ids)
        {
            return Problems.BadRequest("The body must be {\"definitionIds\": [\"...\"]}.");
        }

        var deleted = 0;
        foreach (var id in ids)
        {
            deleted += (await definitions.DeleteAsync(id, cancellationToken)).IsDeleted ? 1 : 0;
        }

        return TypedResults.Ok(new JsonObject { ["deleted"] = deleted });
    }

    private static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> BulkDeleteVersionsAsync(
        JsonObject body, ElsaDefinitions definitions, CancellationToken cancellationToken)
    {
        if (Strings(body, "ids") is not { } ids)
        {
            return Problems.BadRequest("The body must be {\"ids\": [\"<version id>\", ...]}.");
        }

        var deleted = 0;
        foreach (var id in ids)
        {
            deleted += (await definitions.DeleteVersionAsync(id, cancellationToken)).IsDeleted ? 1 : 0;
        }

        return TypedResults.Ok(new JsonObject { ["deleted"] = deleted });
    }

    private static JsonObject SaveResponse(SaveOutcome outcome) => new()
    {
        ["workflowDefinition"] = ElsaDefinitionShapes.Definition(outcome.Definition!),
        ["alreadyPublished"] = outcome.AlreadyPublished,
        ["consumingWorkflowCount"] = 0,
        ["validationErrors"] = new JsonArray(),
    };

    /// <summary>400 with <c>errors</c>: the shape the Studio turns into its red snackbar.</summary>
    internal static ProblemHttpResult Refused(IReadOnlyList<string> errors)
    {
        var problem = Problems.Create(StatusCodes.Status400BadRequest,
            errors.Count == 1 ? errors[0] : $"The workflow definition has {errors.Count} problems: {string.Join(" ", errors)}");
        problem.Extensions["errors"] = new Dictionary<string, IReadOnlyList<string>> { ["generalErrors"] = errors };
        return TypedResults.Problem(problem);
    }

    private static ProblemHttpResult BadVersionOptions(string? value) => Problems.BadRequest(
        $"Unknown versionOptions '{value}'; use Latest, Published, LatestOrPublished, LatestAndPublished, Draft, AllVersions or a version number.");

    private static List<string>? DefinitionIds(JsonObject body) => Strings(body, "definitionIds");

    private static List<string>? Strings(JsonObject body, string key) =>
        body[key] is JsonArray array
            ? array.Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).OfType<string>().ToList()
            : null;

    private sealed record WorkflowInstanceView(string Id, string Status, string SubStatus);
}

internal static class ExportJson
{
    public static readonly System.Text.Json.JsonSerializerOptions Options = new() { WriteIndented = true };
}
