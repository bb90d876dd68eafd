using EmergencyWorkflows.Api.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace EmergencyWorkflows.Api.Errors;

/// <summary>
/// Refuses bodies larger than <see cref="ServiceOptions.MaxRequestBodyBytes"/> with 413 before any endpoint reads
/// them. Kestrel enforces the same limit on the wire; this also covers hosts without it (the test server) and
/// bodies sent without a Content-Length (chunked), which are counted while being buffered.
/// </summary>
internal sealed class RequestBodyLimitMiddleware(RequestDelegate next, IOptions<ServiceOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limit = options.Value.MaxRequestBodyBytes;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        var length = context.Request.ContentLength;
        if (length > limit)
        {
            throw TooLarge(limit);
        }

        if (length is null && HasBody(context.Request))
        {
            context.Request.EnableBuffering(bufferThreshold: 64 * 1024);
            if (await CountAsync(context.Request.Body, limit, context.RequestAborted) > limit)
            {
                throw TooLarge(limit);
            }

            context.Request.Body.Position = 0;
        }

        await next(context);
    }

    private static bool HasBody(HttpRequest request) =>
        !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsDelete(request.Method);

    private static async Task<long> CountAsync(Stream body, long limit, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        long total = 0;
        int read;

        // Stops one buffer past the limit, so at most limit + 16 KiB is ever buffered.
        while (total <= limit && (read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
        }

        return total;
    }

    private static BadHttpRequestException TooLarge(long limit) =>
        new($"The request body is larger than the {limit} bytes this service accepts.", StatusCodes.Status413PayloadTooLarge);
}
