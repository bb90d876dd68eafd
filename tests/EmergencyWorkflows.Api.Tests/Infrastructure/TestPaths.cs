namespace EmergencyWorkflows.Api.Tests.Infrastructure;

/// <summary>Well-known folders: the repository root (found by walking up to the solution file) and the test output.</summary>
public static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string RepositoryWorkflows => Path.Combine(RepositoryRoot, "workflows");

    /// <summary>Every scenario's Workflows/*.json, copied beside the test binaries.</summary>
    public static IEnumerable<string> ScenarioWorkflowFiles =>
        Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Scenarios"), "*.json", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(Path.GetDirectoryName(f)) == "Workflows");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EmergencyWorkflows.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("EmergencyWorkflows.sln not found above " + AppContext.BaseDirectory);
    }
}
