using EmergencyWorkflows.Api.Auth;
using EmergencyWorkflows.Api.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace EmergencyWorkflows.Api.Studio;

/// <summary>
/// Elsa Studio under <c>/studio</c>: the definitions list page, the editor page, and the package's files served
/// byte-identical (pre-compressed siblings negotiated by Accept-Encoding).
/// </summary>
internal static class StudioEndpoints
{
    public const string ApiPrefix = "/elsa/api";

    public static IEndpointRouteBuilder MapStudio(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/studio").WithTags("Studio").ExcludeFromDescription();
        // The host pages are for the people who edit plans; the package files are the public npm package.
        group.MapGet("/", ListPage).RequireAuthorization(AuthPolicies.TeamLead);
        group.MapGet("/definitions/{definitionId}", EditorPage).RequireAuthorization(AuthPolicies.TeamLead);
        group.MapMethods("/{**path}", [HttpMethods.Get, HttpMethods.Head], File).AllowAnonymous();
        return app;
    }

    private static ContentHttpResult ListPage(HttpRequest request) =>
        TypedResults.Content(StudioPages.List(RemoteEndpoint(request)), "text/html; charset=utf-8");

    private static ContentHttpResult EditorPage(string definitionId, HttpRequest request) =>
        TypedResults.Content(StudioPages.Editor(RemoteEndpoint(request), definitionId), "text/html; charset=utf-8");

    private static Results<PhysicalFileHttpResult, ProblemHttpResult> File(string path, HttpContext context, StudioFiles files)
    {
        if (!files.IsInstalled)
        {
            return Problems.Result(StatusCodes.Status503ServiceUnavailable,
                $"Elsa Studio is not installed at '{files.PackageRoot}'; build the Api project (it runs npm ci) and retry.");
        }

        var file = files.Find(path, context.Request.GetTypedHeaders().AcceptEncoding);
        if (file is null)
        {
            return Problems.NotFound($"No Studio file '{path}'.");
        }

        if (file.HasVariants)
        {
            context.Response.Headers.Vary = HeaderNames.AcceptEncoding;
        }

        if (file.ContentEncoding is not null)
        {
            context.Response.Headers.ContentEncoding = file.ContentEncoding;
        }

        // Ranges of a compressed body would not be ranges of the file the client asked for.
        return TypedResults.PhysicalFile(file.PhysicalPath, file.ContentType, enableRangeProcessing: file.ContentEncoding is null);
    }

    /// <summary>The Studio needs the API base as an absolute URL; same origin, so cookies reach it.</summary>
    private static string RemoteEndpoint(HttpRequest request) =>
        $"{request.Scheme}://{request.Host}{request.PathBase}{ApiPrefix}";
}
