using EmergencyWorkflows.Api.Hosting;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace EmergencyWorkflows.Api.Studio;

/// <summary>
/// Resolves a path inside the Studio package to a file on disk, its content type, and the pre-compressed sibling to
/// send instead when the client accepts it. Files are never transformed: the Blazor boot manifest checks a SHA-256
/// integrity hash of every asset, so one changed byte stops the Studio from starting.
/// </summary>
internal sealed class StudioFiles
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = CreateContentTypes();
    private readonly string packageRoot;

    public StudioFiles(RepositoryPaths paths, IOptions<StudioOptions> options)
    {
        packageRoot = Path.GetFullPath(paths.Resolve(options.Value.PackagePath));
    }

    public string PackageRoot => packageRoot;

    public bool IsInstalled => File.Exists(Path.Combine(packageRoot, "_framework", "dotnet.js"));

    /// <summary>The file for a relative request path, or null when it is outside the package or does not exist.</summary>
    public StudioFile? Find(string relativePath, IEnumerable<StringWithQualityHeaderValue> acceptEncoding)
    {
        if (string.IsNullOrEmpty(relativePath) || relativePath.Contains('\\', StringComparison.Ordinal))
        {
            return null;
        }

        var full = Path.GetFullPath(Path.Combine(packageRoot, relativePath));
        if (!full.StartsWith(packageRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(full))
        {
            return null;
        }

        var contentType = ContentTypes.TryGetContentType(full, out var type) ? type : "application/octet-stream";
        foreach (var (encoding, extension) in new[] { ("br", ".br"), ("gzip", ".gz") })
        {
            var compressed = full + extension;
            if (File.Exists(compressed))
            {
                return Accepts(acceptEncoding, encoding)
                    ? new StudioFile(compressed, contentType, encoding, HasVariants: true)
                    : new StudioFile(full, contentType, null, HasVariants: true);
            }
        }

        return new StudioFile(full, contentType, null, HasVariants: false);
    }

    private static bool Accepts(IEnumerable<StringWithQualityHeaderValue> acceptEncoding, string encoding) =>
        acceptEncoding.Any(e => string.Equals(e.Value.Value, encoding, StringComparison.OrdinalIgnoreCase) && (e.Quality ?? 1) > 0);

    private static FileExtensionContentTypeProvider CreateContentTypes()
    {
        var provider = new FileExtensionContentTypeProvider();

        // Module scripts are refused unless served as JavaScript; the ICU data (.dat) is unknown to the default map.
        provider.Mappings[".js"] = "text/javascript";
        provider.Mappings[".mjs"] = "text/javascript";
        provider.Mappings[".wasm"] = "application/wasm";
        provider.Mappings[".dat"] = "application/octet-stream";
        provider.Mappings[".webmanifest"] = "application/manifest+json";
        provider.Mappings[".json"] = "application/json";
        return provider;
    }
}

/// <summary>A file to send: its path, the original content type, the Content-Encoding when it is a compressed sibling.</summary>
internal sealed record StudioFile(string PhysicalPath, string ContentType, string? ContentEncoding, bool HasVariants);
