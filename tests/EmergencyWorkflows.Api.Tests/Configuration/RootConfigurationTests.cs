using System.Net;
using System.Text.Json.Nodes;
using EmergencyWorkflows.Api.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.DependencyInjection;

namespace EmergencyWorkflows.Api.Tests.Configuration;

[Collection(SharedHostCollection.Name)]
public class RootConfigurationTests(SharedHost host)
{
    [Fact]
    public void Configuration_RootAppSettingsJson_ServiceNameIsReadFromIt()
    {
        var rootFile = Path.Combine(TestPaths.RepositoryRoot, "appsettings.json");
        var expected = (string?)JsonNode.Parse(File.ReadAllText(rootFile))!["EmergencyWorkflows"]!["ServiceName"];
        var configuration = (IConfigurationRoot)host.Factory.Services.GetRequiredService<IConfiguration>();

        var provider = configuration.Providers.OfType<JsonConfigurationProvider>()
            .SingleOrDefault(p => p.Source.Path == "appsettings.json"
                && p.Source.FileProvider?.GetFileInfo("appsettings.json").PhysicalPath == rootFile);

        expected.Should().NotBeNullOrWhiteSpace();
        provider.Should().NotBeNull("the repository-root appsettings.json must be loaded on purpose");
        provider!.TryGet("EmergencyWorkflows:ServiceName", out var fromFile).Should().BeTrue();
        fromFile.Should().Be(expected);
        configuration["EmergencyWorkflows:ServiceName"].Should().Be(expected);
    }

    [Fact]
    public async Task Health_Get_ReportsServiceNameAndTimerScheduler()
    {
        using var response = await host.Client.GetAsync("/health");
        var json = await response.ReadJsonAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK, json.ToJsonString());
        ((string?)json["status"]).Should().Be("ok");
        ((string?)json["service"]).Should().Be("EmergencyWorkflows");
        ((string?)json["timerScheduler"]!["kind"]).Should().Be("Hangfire");
        ((string?)json["timerScheduler"]!["storage"]).Should().Be("InMemory");
    }
}
