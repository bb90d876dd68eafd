namespace EmergencyWorkflows.Persistence;

/// <summary>Brings a provider's database to the current schema (and its provider settings, e.g. SQLite's WAL).</summary>
internal interface IWorkflowDatabaseInitializer
{
    Task InitializeAsync(CancellationToken cancellationToken);
}
