using EmergencyWorkflows.Api.Tests.Infrastructure;

namespace EmergencyWorkflows.Api.Tests.Web;

/// <summary>
/// The real host with the repository workflows for the lead's pages; complaint-dispute incidents get a 2-second
/// response target so a test can watch an SLA lapse on the board (every other category keeps the plan's 5 minutes).
/// </summary>
public sealed class LeadPageHost : IDisposable
{
    public const string ShortSlaCategory = "complaint-dispute";
    private readonly TempFolder folder = new();

    public LeadPageHost()
    {
        Factory = new ApiFactory(folder.Path, folder.CreateWorkflowsFolder(includeScenarioWorkflows: false), settings: new Dictionary<string, string?>
        {
            ["Emergency:Sla:Rules:0:Category"] = ShortSlaCategory,
            ["Emergency:Sla:Rules:0:Response"] = "00:00:02",
        });
        Lead = Factory.CreateClientAs("lead");
    }

    public ApiFactory Factory { get; }

    /// <summary>The API as the team lead "lead" (a bearer token), to set the scene a page test starts from.</summary>
    public HttpClient Lead { get; }

    public void Dispose()
    {
        Lead.Dispose();
        Factory.Dispose();
        folder.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class LeadPageHostCollection : ICollectionFixture<LeadPageHost>
{
    public const string Name = "Lead page host";
}
