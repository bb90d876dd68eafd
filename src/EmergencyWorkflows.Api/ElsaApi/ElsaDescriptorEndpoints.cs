using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EmergencyWorkflows.Api.ElsaApi;

/// <summary>The descriptor and feature routes of the Elsa API (mapped inside its group by <see cref="ElsaApiEndpoints"/>).</summary>
internal static class ElsaDescriptorEndpoints
{
    private const string FaultStrategy = "Elsa.Workflows.IncidentStrategies.FaultStrategy, Elsa.Workflows.Core";
    private const string ContinueStrategy = "Elsa.Workflows.IncidentStrategies.ContinueWithIncidentsStrategy, Elsa.Workflows.Core";

    public static RouteGroupBuilder MapElsaDescriptors(this RouteGroupBuilder api)
    {
        var descriptors = api.MapGroup("/descriptors");
        descriptors.MapGet("/activities", (ElsaDescriptors d) => TypedResults.Ok(d.Activities));
        descriptors.MapGet("/expression-descriptors", () => TypedResults.Ok(ElsaDescriptors.Expressions()));
        descriptors.MapGet("/variables", () => TypedResults.Ok(ElsaDescriptors.VariableTypes()));
        descriptors.MapGet("/storage-drivers", () => TypedResults.Ok(ElsaDescriptors.StorageDrivers()));
        descriptors.MapGet("/workflow-activation-strategies", () => TypedResults.Ok(ElsaDescriptors.Strategies(
            ("Elsa.Workflows.Runtime.ActivationStrategies.AllowAlwaysStrategy, Elsa.Workflows.Runtime", "Always",
                "Always allow the creation of a new workflow instance."))));
        descriptors.MapGet("/log-persistence-strategies", () => TypedResults.Ok(ElsaDescriptors.Strategies(
            ("Elsa.Workflows.LogPersistence.Strategies.Include, Elsa.Workflows.Core", "Include",
                "Every activity's state is kept with the instance."))));
        descriptors.MapGet("/incident-strategies", () => TypedResults.Ok(ElsaDescriptors.Strategies(
            (FaultStrategy, "Fault", "A fault ends the workflow instance as Faulted."),
            (ContinueStrategy, "Continue with incidents", "A fault is recorded as an incident; the other branches go on."))));
        descriptors.MapGet("/commit-strategies/workflows", Empty);
        descriptors.MapGet("/commit-strategies/activities", Empty);
        descriptors.MapGet("/output-converters", () => TypedResults.Ok(new JsonObject { ["items"] = new JsonArray() }));
        api.MapGet("/features/installed", Empty);
        return api;
    }

    private static Ok<JsonObject> Empty() => TypedResults.Ok(ElsaDescriptors.Envelope([]));
}
