using System.Security.Cryptography;
using System.Text;
using EmergencyWorkflows.Emergency.Activities;
using EmergencyWorkflows.Emergency.Incidents;
using EmergencyWorkflows.Emergency.Liaison;
using EmergencyWorkflows.Emergency.Notifications;
using EmergencyWorkflows.Emergency.Sla;
using EmergencyWorkflows.Runtime.Execution;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EmergencyWorkflows.Api.Incidents;

internal static class IncidentsExtensions
{
    /// <summary>
    /// The incident response side of the emergency plan: SLA targets (<c>Emergency:Sla</c>), the acknowledge-link signer
    /// (<c>Emergency:AckLinks</c>), a configuration-backed emergency directory unless another is registered, the
    /// Emergency.* activities and the responder behind the acknowledge / arrive endpoints.
    /// </summary>
    public static IServiceCollection AddIncidentResponse(this IServiceCollection services, IConfiguration configuration)
    {
        var sla = configuration.GetSection("Emergency:Sla").Get<SlaTargetsOptions>() ?? new SlaTargetsOptions();
        services.AddSingleton(new SlaTargets(sla));

        var links = configuration.GetSection(AckLinkOptions.Section).Get<AckLinkOptions>() ?? new AckLinkOptions();
        services.AddSingleton(links);
        services.AddSingleton(sp => CreateSigner(links, sp.GetRequiredService<ILoggerFactory>().CreateLogger<AckLinkSigner>()));

        services.TryAddSingleton<IEmergencyDirectory>(_ => new ConfiguredEmergencyDirectory(
            configuration.GetSection(EmergencyDirectoryOptions.Section).Get<EmergencyDirectoryOptions>() ?? new EmergencyDirectoryOptions()));
        services.AddEmergencyActivities();
        services.AddSingleton<IncidentResponder>();
        services.AddIncidentReports(configuration);
        return services;
    }

    /// <summary>Reports and their lifecycle: limits from <c>Emergency:Reports</c>, intake, the ledger of changes, and the
    /// start-up sweep that starts workflows an interrupted intake left unstarted.</summary>
    private static IServiceCollection AddIncidentReports(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection("Emergency:Reports").Get<IncidentReportLimits>() ?? new IncidentReportLimits();
        services.AddSingleton(limits);
        services.AddSingleton(sp => new IncidentReportValidator(limits, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(new GradeSuggester());
        services.AddSingleton<IncidentPager>();
        services.AddSingleton<IncidentIntake>();
        services.AddSingleton<IncidentLedger>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOutboxMessageHandler, TimelineOutboxHandler>());
        services.AddSingleton<IncidentSignals>();
        services.AddSingleton<IIncidentFacts, IncidentFactsReader>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOutboxMessageHandler, IncidentStatusHandler>());
        services.AddSingleton<IncidentStartSweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<IncidentStartSweeper>());
        return services;
    }

    private static AckLinkSigner CreateSigner(AckLinkOptions links, ILogger logger)
    {
        if (string.IsNullOrWhiteSpace(links.Key))
        {
            logger.LogWarning("Emergency:AckLinks:Key is not set: acknowledge links are signed with a random key and stop working after a restart");
            return new AckLinkSigner(RandomNumberGenerator.GetBytes(32));
        }

        // A base64 key of 32+ bytes is used as bytes; anything else as UTF-8 text (the signer refuses fewer than 32 bytes).
        var buffer = new byte[links.Key.Length];
        return Convert.TryFromBase64String(links.Key, buffer, out var written) && written >= 32
            ? new AckLinkSigner(buffer.AsSpan(0, written))
            : new AckLinkSigner(Encoding.UTF8.GetBytes(links.Key));
    }
}
