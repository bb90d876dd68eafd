using EmergencyWorkflows.Api.Tests.Infrastructure;

namespace EmergencyWorkflows.Api.Tests.Auth;

/// <summary>An Auth section that cannot work stops the service at start with the reason.</summary>
public sealed class AuthConfigurationTests : IDisposable
{
    private readonly TempFolder folder = new();

    [Theory]
    [InlineData("Auth:Jwt:SigningKey", "too-short", "Auth:Jwt:SigningKey must be at least 32 bytes")]
    [InlineData("Auth:Users:0:Roles:0", "Wizard", "'Wizard', which is not one of")]
    [InlineData("Auth:Users:1:UserName", "ADMIN", "user name 'admin' more than once")]
    [InlineData("Auth:Cookie:IdleTimeout", "00:00:00", "Auth:Cookie:IdleTimeout must be positive")]
    public void Start_InvalidAuthSetting_RefusedWithReason(string key, string value, string reason)
    {
        using var factory = new ApiFactory(folder.Path, folder.CreateWorkflowsFolder(includeRepositoryWorkflows: false, includeScenarioWorkflows: false),
            settings: new Dictionary<string, string?> { [key] = value });

        var start = () => factory.CreateClient();

        start.Should().Throw<Exception>().Where(e => Messages(e).Contains(reason, StringComparison.Ordinal));
    }

    public void Dispose() => folder.Dispose();

    private static string Messages(Exception e) => e.InnerException is null ? e.Message : e.Message + " | " + Messages(e.InnerException);
}
