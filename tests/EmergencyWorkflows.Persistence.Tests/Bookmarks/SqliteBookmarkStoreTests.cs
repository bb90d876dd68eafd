using EmergencyWorkflows.Persistence.Tests.Support;

namespace EmergencyWorkflows.Persistence.Tests.Bookmarks;

public sealed class SqliteBookmarkStoreTests : BookmarkStoreContract
{
    protected override ITestDatabase CreateDatabase() => new SqliteTestDatabase();
}
