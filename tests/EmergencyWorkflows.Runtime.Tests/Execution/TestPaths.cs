namespace EmergencyWorkflows.Runtime.Tests.Execution;

/// <summary>Locates the repository root (the folder holding EmergencyWorkflows.sln) and the shared Elsa samples beside it.</summary>
public static class TestPaths
{
    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "EmergencyWorkflows.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("EmergencyWorkflows.sln not found above the test output folder.");
        }
    }

    /// <summary>
    /// <c>&lt;root&gt;/../shared/elsa-samples</c>; from a git worktree nested one level deeper (e.g. /work/wt/x) the
    /// search continues upwards until a <c>shared/elsa-samples</c> folder is found.
    /// </summary>
    public static string SamplesDirectory
    {
        get
        {
            for (var dir = Directory.GetParent(RepoRoot); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "elsa-samples");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new InvalidOperationException("shared/elsa-samples not found above the repository root.");
        }
    }

    public static string Sample(string fileName) => Path.Combine(SamplesDirectory, fileName);

    /// <summary>A scenario workflow copied to the output folder: Scenarios/&lt;name&gt;/Workflows/&lt;file&gt;.</summary>
    public static string Scenario(string scenario, string fileName) =>
        Path.Combine(AppContext.BaseDirectory, "Scenarios", scenario, "Workflows", fileName);
}
