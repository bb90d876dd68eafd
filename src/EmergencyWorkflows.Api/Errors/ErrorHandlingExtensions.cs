using System.Text.Json.Serialization;
using EmergencyWorkflows.Api.Hosting;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace EmergencyWorkflows.Api.Errors;

internal static class ErrorHandlingExtensions
{
    /// <summary>
    /// ProblemDetails (RFC 7807) for every error: exceptions, bad bodies, unknown routes; camelCase JSON with enums as
    /// strings and a bounded nesting depth; the body size limit from configuration.
    /// </summary>
    public static IServiceCollection AddApiErrorHandling(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(ServiceOptions.Section).Get<ServiceOptions>() ?? new ServiceOptions();
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
            context.ProblemDetails.Detail ??= DefaultDetail(context.HttpContext.Request, context.ProblemDetails.Status);
        });
        services.AddExceptionHandler<ApiExceptionHandler>();

        // Binding failures (malformed JSON, wrong types, wrong content type) become exceptions that the handler
        // answers with a message saying what was wrong, instead of an empty 400.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.MaxDepth = options.MaxJsonDepth;
        });
        services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes);
        return services;
    }

    /// <summary>A detail for the answers the framework produces without one (unknown route, wrong method).</summary>
    private static string DefaultDetail(HttpRequest request, int? status) => status switch
    {
        StatusCodes.Status404NotFound => $"Nothing exists at {request.Method} {request.Path}.",
        StatusCodes.Status405MethodNotAllowed => $"{request.Method} is not allowed on {request.Path}.",
        StatusCodes.Status415UnsupportedMediaType => $"The request body must be JSON (Content-Type: application/json), not '{request.ContentType}'.",
        StatusCodes.Status413PayloadTooLarge => "The request body is larger than this service accepts.",
        _ => "The request could not be processed.",
    };

    public static WebApplication UseApiErrorHandling(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        return app;
    }
}
