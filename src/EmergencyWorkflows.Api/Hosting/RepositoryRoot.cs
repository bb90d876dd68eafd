namespace EmergencyWorkflows.Api.Hosting;

/// <summary>
/// The folder holding <c>EmergencyWorkflows.sln</c>, the root <c>appsettings.json</c>, <c>workflows/</c> and <c>data/</c>.
/// Relative paths in the configuration are resolved against it, so the service behaves the same whether it is started
/// with <c>dotnet run --project src/EmergencyWorkflows.Api</c> from the repository root, from the project folder, or
/// inside a WebApplicationFactory test.
/// </summary>
internal static class RepositoryRoot
{
    private const string Marker = "EmergencyWorkflows.sln";

    /// <summary>Walks up from the content root, then from the binaries; falls back to the content root (a deployment without the solution).</summary>
    public static string Locate(string contentRoot) =>
        WalkUp(contentRoot) ?? WalkUp(AppContext.BaseDirectory) ?? contentRoot;

    public static string Resolve(string root, string path) =>
        Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(root, path));

    private static string? WalkUp(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, Marker)))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
