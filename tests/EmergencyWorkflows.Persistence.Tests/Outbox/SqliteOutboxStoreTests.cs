using EmergencyWorkflows.Persistence.Tests.Support;

namespace EmergencyWorkflows.Persistence.Tests.Outbox;

public sealed class SqliteOutboxStoreTests : OutboxStoreContract
{
    protected override ITestDatabase CreateDatabase() => new SqliteTestDatabase();
}
