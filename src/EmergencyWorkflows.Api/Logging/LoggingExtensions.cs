using EmergencyWorkflows.Api.Hosting;
using Serilog;

namespace EmergencyWorkflows.Api.Logging;

internal static class LoggingExtensions
{
    /// <summary>
    /// Serilog from the <c>Serilog</c> section (console + rolling compact-JSON file), enriched with the service name
    /// and log context, and with personal data masked before any sink. Sinks registered in DI as ILogEventSink are
    /// added too (tests capture events that way). No static logger is touched, so several hosts can share a process.
    /// </summary>
    public static WebApplicationBuilder AddStructuredLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog(
            (services, logger) => logger
                .ReadFrom.Configuration(services.GetRequiredService<IConfiguration>())
                .ReadFrom.Services(services)
                .Enrich.FromLogContext()
                .Enrich.WithProperty("ServiceName", services.GetRequiredService<IConfiguration>()
                    .GetValue($"{ServiceOptions.Section}:{nameof(ServiceOptions.ServiceName)}", "EmergencyWorkflows"))
                .Enrich.With<PersonalDataMaskingEnricher>(),
            preserveStaticLogger: true);
        return builder;
    }

    /// <summary>
    /// One structured line per request (method, path, status, elapsed); no query strings or bodies. Registered
    /// outermost, so it times the whole pipeline and sees the answer the error handling produced.
    /// </summary>
    public static WebApplication UseRequestLogging(this WebApplication app)
    {
        app.UseSerilogRequestLogging();
        return app;
    }
}
