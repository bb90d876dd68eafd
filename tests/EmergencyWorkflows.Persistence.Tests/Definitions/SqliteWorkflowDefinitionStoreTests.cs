using EmergencyWorkflows.Persistence.Tests.Support;

namespace EmergencyWorkflows.Persistence.Tests.Definitions;

public sealed class SqliteWorkflowDefinitionStoreTests : WorkflowDefinitionStoreContract
{
    protected override ITestDatabase CreateDatabase() => new SqliteTestDatabase();
}
