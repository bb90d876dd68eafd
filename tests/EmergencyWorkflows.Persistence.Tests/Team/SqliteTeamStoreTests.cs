using EmergencyWorkflows.Persistence.Tests.Support;

namespace EmergencyWorkflows.Persistence.Tests.Team;

public sealed class SqliteTeamStoreTests : TeamStoreContract
{
    protected override ITestDatabase CreateDatabase() => new SqliteTestDatabase();
}
