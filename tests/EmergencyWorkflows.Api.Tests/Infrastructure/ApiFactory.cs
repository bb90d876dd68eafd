using System.Net.Http.Headers;
using EmergencyWorkflows.Api.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;

namespace EmergencyWorkflows.Api.Tests.Infrastructure;

/// <summary>
/// The real host with only its infrastructure swapped: a SQLite file in a temp folder, a workflows folder of the
/// test's choice, logs to the temp folder and to a capturing sink, Hangfire in memory, no config-reload watchers.
/// Settings go in through UseSetting, which reaches Program as command-line arguments, before registrations read them.
/// Clients are signed in as <see cref="DefaultUser"/> (a bearer token) unless a test asks for another user or none.
/// </summary>
public sealed class ApiFactory(
    string dataFolder, string workflowsFolder, Action<IServiceCollection>? swap = null, IReadOnlyDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    /// <summary>The development admin from the root appsettings.json: the default client may call everything.</summary>
    public const string DefaultUser = "admin";

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
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.AddSingleton<ILogEventSink>(Sink);
            swap?.Invoke(services);
        });
    }

    /// <summary>A client signed in as <paramref name="userName"/> (one of Auth:Users) with a bearer token.</summary>
    public HttpClient CreateClientAs(string userName)
    {
        var client = CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", MintToken(userName));
        return client;
    }

    /// <summary>A client with no credentials (it keeps cookies, so it can sign in with POST /api/auth/login).</summary>
    public HttpClient CreateAnonymousClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = null;
        return client;
    }

    /// <summary>An access token for a configured user, issued now or at <paramref name="issuedAt"/> by the host's own issuer.</summary>
    public string MintToken(string userName, DateTimeOffset? issuedAt = null)
    {
        var user = Services.GetRequiredService<UserDirectory>().Find(userName)
            ?? throw new InvalidOperationException($"No user '{userName}' in Auth:Users.");
        var issuer = Services.GetRequiredService<AccessTokenIssuer>();
        return (issuedAt is { } at ? issuer.Issue(user, at) : issuer.Issue(user)).AccessToken;
    }

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", MintToken(DefaultUser));
    }
}
