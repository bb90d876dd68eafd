namespace EmergencyWorkflows.Api.Tests.Infrastructure;

/// <summary>The one host most tests share: repository workflows plus every scenario workflow, a fresh database.</summary>
public sealed class SharedHost : IDisposable
{
    private readonly TempFolder folder = new();

    public SharedHost()
    {
        Factory = new ApiFactory(folder.Path, folder.CreateWorkflowsFolder());
        Client = Factory.CreateClient();
    }

    public ApiFactory Factory { get; }

    public HttpClient Client { get; }

    public void Dispose()
    {
        Client.Dispose();
        Factory.Dispose();
        folder.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class SharedHostCollection : ICollectionFixture<SharedHost>
{
    public const string Name = "Shared host";
}
