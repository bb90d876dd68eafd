using EmergencyWorkflows.Persistence.Tests.Support;

namespace EmergencyWorkflows.Persistence.Tests.Instances;

public sealed class SqliteWorkflowInstanceStoreTests : WorkflowInstanceStoreContract
{
    protected override ITestDatabase CreateDatabase() => new SqliteTestDatabase();
}
