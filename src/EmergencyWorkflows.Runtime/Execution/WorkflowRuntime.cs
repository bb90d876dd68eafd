using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using EmergencyWorkflows.Runtime.Activities;
using EmergencyWorkflows.Runtime.Bookmarks;
using EmergencyWorkflows.Runtime.Definitions;
using EmergencyWorkflows.Runtime.Instances;
using EmergencyWorkflows.Runtime.Timers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EmergencyWorkflows.Runtime.Execution;

/// <summary>
/// The application surface: loads definitions (parsed and validated once per version), runs a burst with the
/// <see cref="WorkflowExecutor"/>, commits it with an optimistic revision check (retrying on conflicts) and then
/// arms the new timers.
/// </summary>
public sealed class WorkflowRuntime(
    IWorkflowDefinitionStore definitions,
    IWorkflowInstanceStore instances,
    IBookmarkStore bookmarks,
    ITimerScheduler timers,
    WorkflowExecutor executor,
    IWorkflowDefinitionValidator validator,
    TimeProvider time,
    ILogger<WorkflowRuntime>? logger = null) : IWorkflowRuntime
{
    private const int MaxAttempts = 5;
    private readonly ConcurrentDictionary<string, Lazy<LoadedDefinition>> cache = new(StringComparer.Ordinal);
    private readonly ILogger logger = logger ?? NullLogger<WorkflowRuntime>.Instance;

    public async Task<WorkflowInstance> StartAsync(StartWorkflowRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var stored = request.VersionId is not null
            ? await definitions.FindByVersionIdAsync(request.VersionId, cancellationToken)
            : await definitions.FindPublishedAsync(request.DefinitionId, cancellationToken);
        if (stored is null)
        {
            throw new WorkflowDefinitionNotFoundException(request.DefinitionId);
        }

        var loaded = Load(stored);
        if (loaded.Errors.Count > 0)
        {
            throw new WorkflowDefinitionInvalidException(stored.DefinitionId, loaded.Errors);
        }

        var result = executor.Start(loaded.Definition!,
            new StartWorkflowOptions(request.InstanceId, request.CorrelationId, request.Name, request.Input));
        await instances.SaveAsync(new WorkflowCommit(result.Instance, 0, result.Outbox), cancellationToken);
        logger.LogInformation("Started workflow instance {InstanceId} of {DefinitionId} v{Version}: {SubStatus}",
            result.Instance.Id, stored.DefinitionId, stored.Version, result.Instance.SubStatus);
        await ArmTimersAsync(result, cancellationToken);
        return result.Instance;
    }

    public async Task<ResumeResult> ResumeBookmarkAsync(string bookmarkId, JsonObject? input, CancellationToken cancellationToken = default)
    {
        var match = await bookmarks.FindByIdAsync(bookmarkId, cancellationToken);
        return match is null
            ? await GoneAsync(bookmarkId, $"No pending bookmark '{bookmarkId}'.", cancellationToken)
            : await ResumeAsync(match.InstanceId, bookmarkId, input, requireDue: false, cancellationToken);
    }

    public async Task<IReadOnlyList<ResumeResult>> TriggerEventAsync(TriggerEventRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var matches = await bookmarks.FindAsync(
            new BookmarkFilter(BookmarkNames.Event, request.EventName, request.CorrelationId, request.InstanceId), cancellationToken);
        var results = new List<ResumeResult>(matches.Count);
        foreach (var match in matches)
        {
            var input = new JsonObject { [Event.PayloadInputKey] = request.Payload?.DeepClone() };
            results.Add(await ResumeAsync(match.InstanceId, match.BookmarkId, input, requireDue: false, cancellationToken));
        }

        return results;
    }

    public async Task<ResumeResult> CompleteTaskAsync(string taskId, JsonNode? result, CancellationToken cancellationToken = default)
    {
        var matches = await bookmarks.FindAsync(new BookmarkFilter(BookmarkNames.RunTask, taskId), cancellationToken);
        if (matches.Count == 0)
        {
            return await GoneAsync(taskId, $"No pending task '{taskId}'.", cancellationToken);
        }

        var input = new JsonObject { [RunTask.ResultInputKey] = result?.DeepClone() };
        return await ResumeAsync(matches[0].InstanceId, matches[0].BookmarkId, input, requireDue: false, cancellationToken);
    }

    public Task<ResumeResult> WakeTimerAsync(string instanceId, string bookmarkId, CancellationToken cancellationToken = default) =>
        ResumeAsync(instanceId, bookmarkId, null, requireDue: true, cancellationToken);

    public async Task<WorkflowInstance?> CancelAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var instance = await instances.FindAsync(instanceId, cancellationToken);
            if (instance is null)
            {
                return null;
            }

            if (instance.IsFinished)
            {
                return instance;
            }

            var definition = await LoadForInstanceAsync(instance, cancellationToken);
            var result = executor.Cancel(definition, instance);
            try
            {
                await instances.SaveAsync(new WorkflowCommit(result.Instance, instance.Revision, result.Outbox), cancellationToken);
                logger.LogInformation("Cancelled workflow instance {InstanceId}", instanceId);
                return result.Instance;
            }
            catch (WorkflowConcurrencyException) when (attempt < MaxAttempts)
            {
                logger.LogDebug("Cancel of {InstanceId} lost a race (attempt {Attempt}); retrying", instanceId, attempt);
            }
        }
    }

    /// <summary>An id with no pending row: AlreadyConsumed when the instance it names exists, else NotFound.</summary>
    private async Task<ResumeResult> GoneAsync(string scopedId, string notFoundMessage, CancellationToken cancellationToken)
    {
        var instanceId = ScopedIds.InstanceIdOf(scopedId);
        var instance = instanceId is null ? null : await instances.FindAsync(instanceId, cancellationToken);
        return instance is null
            ? new ResumeResult(ResumeStatus.NotFound, null, null, notFoundMessage)
            : new ResumeResult(ResumeStatus.AlreadyConsumed, instance.Id, instance, $"'{scopedId}' was already consumed.");
    }

    private async Task<ResumeResult> ResumeAsync(string instanceId, string bookmarkId, JsonObject? input, bool requireDue,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var instance = await instances.FindAsync(instanceId, cancellationToken);
            if (instance is null)
            {
                return new ResumeResult(ResumeStatus.NotFound, instanceId, null, $"No workflow instance '{instanceId}'.");
            }

            var bookmark = instance.Bookmarks.Find(b => b.Id == bookmarkId);
            if (bookmark is null)
            {
                return new ResumeResult(ResumeStatus.AlreadyConsumed, instanceId, instance,
                    $"Bookmark '{bookmarkId}' of instance '{instanceId}' was already consumed.");
            }

            if (requireDue && bookmark.DueAt is { } due && due > time.GetUtcNow())
            {
                return new ResumeResult(ResumeStatus.NotDue, instanceId, instance, $"Timer '{bookmarkId}' is due at {due:O}.");
            }

            var definition = await LoadForInstanceAsync(instance, cancellationToken);
            var result = executor.Resume(definition, instance, bookmarkId, input);
            try
            {
                await instances.SaveAsync(new WorkflowCommit(result.Instance, instance.Revision, result.Outbox), cancellationToken);
            }
            catch (WorkflowConcurrencyException) when (attempt < MaxAttempts)
            {
                logger.LogDebug("Resume of {InstanceId} bookmark {BookmarkId} lost a race (attempt {Attempt}); retrying",
                    instanceId, bookmarkId, attempt);
                continue;
            }

            logger.LogInformation("Resumed workflow instance {InstanceId} ({BookmarkName}): {SubStatus}",
                instanceId, bookmark.Name, result.Instance.SubStatus);
            await ArmTimersAsync(result, cancellationToken);
            return new ResumeResult(ResumeStatus.Resumed, instanceId, result.Instance, "Resumed.");
        }
    }

    private async Task<WorkflowDefinition> LoadForInstanceAsync(WorkflowInstance instance, CancellationToken cancellationToken)
    {
        var stored = await definitions.FindByVersionIdAsync(instance.DefinitionVersionId, cancellationToken)
            ?? throw new WorkflowDefinitionNotFoundException(instance.DefinitionId);
        return Load(stored).Definition ?? throw new WorkflowDefinitionInvalidException(stored.DefinitionId, Load(stored).Errors);
    }

    private LoadedDefinition Load(StoredDefinition stored) =>
        cache.GetOrAdd(stored.VersionId, _ => new Lazy<LoadedDefinition>(() => Parse(stored))).Value;

    private LoadedDefinition Parse(StoredDefinition stored)
    {
        WorkflowDefinition definition;
        try
        {
            definition = WorkflowDefinitionReader.Read(stored.Json);
        }
        catch (DefinitionFormatException ex)
        {
            return new LoadedDefinition(null, [ex.Message]);
        }

        // The store's identity wins over the ids inside the JSON (a file seeded as "x" may carry any id), so an
        // instance always names the stored version it runs and can find it again on resume.
        definition = new WorkflowDefinition
        {
            Id = stored.VersionId,
            DefinitionId = stored.DefinitionId,
            Version = stored.Version,
            Name = stored.Name ?? definition.Name,
            Description = definition.Description,
            IsLatest = stored.IsLatest,
            IsPublished = stored.IsPublished,
            ToolVersion = definition.ToolVersion,
            CreatedAt = definition.CreatedAt,
            Variables = definition.Variables,
            Inputs = definition.Inputs,
            Outputs = definition.Outputs,
            ContinueWithIncidents = definition.ContinueWithIncidents,
            Root = definition.Root,
            Source = definition.Source,
            ReaderWarnings = definition.ReaderWarnings,
        };
        var errors = stored.ValidationErrors.Count > 0 ? stored.ValidationErrors : validator.Validate(definition);
        return new LoadedDefinition(definition, errors);
    }

    private async Task ArmTimersAsync(BurstResult result, CancellationToken cancellationToken)
    {
        foreach (var bookmark in result.NewBookmarks)
        {
            if (bookmark.DueAt is not { } due)
            {
                continue;
            }

            try
            {
                await timers.ScheduleAsync(new TimerWakeUp(result.Instance.Id, bookmark.Id, due), cancellationToken);
            }
#pragma warning disable CA1031 // The timer is a committed row; start-up re-arms it, so a scheduler failure is logged, not raised.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogWarning(ex, "Could not arm timer {BookmarkId} of instance {InstanceId} due at {DueAt}; it stays stored and is re-armed at start-up",
                    bookmark.Id, result.Instance.Id, due);
            }
        }
    }

    private sealed record LoadedDefinition(WorkflowDefinition? Definition, IReadOnlyList<string> Errors);
}
