namespace EmergencyWorkflows.Api.Hosting;

/// <summary>The <c>EmergencyWorkflows</c> section of appsettings.json.</summary>
internal sealed class ServiceOptions
{
    public const string Section = "EmergencyWorkflows";

    public string ServiceName { get; set; } = "EmergencyWorkflows";

    /// <summary>Folder of the seeded Elsa-3 definitions, relative to the repository root.</summary>
    public string WorkflowsPath { get; set; } = "workflows";

    /// <summary>Largest request body accepted; bigger ones get 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Deepest JSON nesting accepted in a request body; deeper ones get 400.</summary>
    public int MaxJsonDepth { get; set; } = 64;

    /// <summary>How often the outbox is polled for messages to dispatch.</summary>
    public TimeSpan OutboxPollingInterval { get; set; } = TimeSpan.FromMilliseconds(250);
}
