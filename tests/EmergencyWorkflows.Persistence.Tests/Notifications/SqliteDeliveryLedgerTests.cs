using EmergencyWorkflows.Persistence.Tests.Support;

namespace EmergencyWorkflows.Persistence.Tests.Notifications;

public sealed class SqliteDeliveryLedgerTests : DeliveryLedgerContract
{
    protected override ITestDatabase CreateDatabase() => new SqliteTestDatabase();
}
