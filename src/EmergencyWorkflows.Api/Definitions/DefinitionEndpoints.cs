using EmergencyWorkflows.Api.Auth;
using EmergencyWorkflows.Api.Errors;
using EmergencyWorkflows.Runtime.Definitions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EmergencyWorkflows.Api.Definitions;

internal static class DefinitionEndpoints
{
    public static IEndpointRouteBuilder MapDefinitions(this IEndpointRouteBuilder app)
    {
        // Reading is for every signed-in user; writes (Elsa Studio, issue 5) need AuthPolicies.TeamLead.
        var group = app.MapGroup("/api/definitions").WithTags("Definitions").RequireAuthorization(AuthPolicies.Reporter);
        group.MapGet("/", ListAsync);
        group.MapGet("/{definitionId}", GetAsync);
        group.MapPost("/{definitionId}/export", ExportToFileAsync);
        return app;
    }

    /// <summary>Writes the latest version (or <paramref name="version"/>) to <c>workflows/{definitionId}.json</c>, so plans live in git.</summary>
    private static async Task<Results<Ok<ExportedFile>, ProblemHttpResult>> ExportToFileAsync(
        string definitionId, DefinitionExporter exporter, CancellationToken cancellationToken, int? version = null)
    {
        var exported = await exporter.ExportAsync(definitionId, version, cancellationToken);
        return exported is null
            ? Problems.NotFound(version is null
                ? $"No workflow definition '{definitionId}' exists."
                : $"Workflow definition '{definitionId}' has no version {version}.")
            : TypedResults.Ok(exported);
    }

    private static async Task<Ok<List<DefinitionSummary>>> ListAsync(IWorkflowDefinitionStore store, CancellationToken cancellationToken)
    {
        var latest = await store.ListLatestAsync(cancellationToken);
        return TypedResults.Ok(latest.OrderBy(d => d.DefinitionId, StringComparer.Ordinal).Select(DefinitionSummary.From).ToList());
    }

    private static async Task<Results<Ok<DefinitionDetail>, ProblemHttpResult>> GetAsync(
        string definitionId, IWorkflowDefinitionStore store, CancellationToken cancellationToken)
    {
        var latest = await store.FindLatestAsync(definitionId, cancellationToken);
        if (latest is null)
        {
            return Problems.NotFound($"No workflow definition '{definitionId}' exists.");
        }

        var versions = await store.ListVersionsAsync(definitionId, cancellationToken);
        return TypedResults.Ok(new DefinitionDetail(
            latest.DefinitionId,
            latest.Name,
            latest.Version,
            latest.VersionId,
            latest.IsPublished,
            latest.IsValid,
            latest.ValidationErrors,
            versions.OrderByDescending(v => v.Version).Select(DefinitionVersionView.From).ToList()));
    }
}

internal sealed record DefinitionSummary(
    string DefinitionId, string? Name, int Version, string VersionId, bool IsPublished, bool IsValid, IReadOnlyList<string> Errors)
{
    public static DefinitionSummary From(StoredDefinition d) =>
        new(d.DefinitionId, d.Name, d.Version, d.VersionId, d.IsPublished, d.IsValid, d.ValidationErrors);
}

internal sealed record DefinitionDetail(
    string DefinitionId,
    string? Name,
    int Version,
    string VersionId,
    bool IsPublished,
    bool IsValid,
    IReadOnlyList<string> Errors,
    IReadOnlyList<DefinitionVersionView> Versions);

internal sealed record DefinitionVersionView(
    int Version, string VersionId, bool IsLatest, bool IsPublished, bool IsValid, IReadOnlyList<string> Errors, string? Origin, DateTimeOffset CreatedAt)
{
    public static DefinitionVersionView From(StoredDefinition d) =>
        new(d.Version, d.VersionId, d.IsLatest, d.IsPublished, d.IsValid, d.ValidationErrors, d.Origin, d.CreatedAt);
}
