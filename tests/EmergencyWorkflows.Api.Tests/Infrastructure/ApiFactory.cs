using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;

namespace EmergencyWorkflows.Api.Tests.Infrastructure;

/// <summary>
/// The real host with only its infrastructure swapped: a SQLite file in a temp folder, a workflows folder of the
/// test's choice, logs to the temp folder and to a capturing sink, Hangfire in memory, no config-reload watchers.
/// Settings go in through UseSetting, which reaches Program as command-line arguments, before registrations read them.
/// </summary>
public sealed class ApiFactory(
    string dataFolder,
    string workflowsFolder,
    Action<IServiceCollection>? swap = null,
    IReadOnlyDictionary<string, string>? settings = null)
    : WebApplicationFactory<Program>
{
    public CapturingSink Sink { get; } = new();

    public string DatabasePath => Path.Combine(dataFolder, "workflows.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Testing");
        builder.UseSetting("hostBuilder:reloadConfigOnChange", "false");
        builder.UseSetting("ConnectionStrings:Workflows", $"Data Source={DatabasePath}");
        builder.UseSetting("EmergencyWorkflows:WorkflowsPath", workflowsFolder);
        builder.UseSetting("Serilog:WriteTo:1:Args:path", Path.Combine(dataFolder, "logs", "emergency-workflows-.json"));
        builder.UseSetting("Hangfire:Storage", "InMemory");
        builder.UseSetting("Hangfire:ShutdownTimeout", "00:00:00.500");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.AddSingleton<ILogEventSink>(Sink);
            swap?.Invoke(services);
        });
    }
}
