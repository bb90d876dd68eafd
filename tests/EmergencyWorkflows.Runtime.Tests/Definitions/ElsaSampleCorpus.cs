namespace EmergencyWorkflows.Runtime.Tests.Definitions;

/// <summary>
/// Finds the shared Elsa sample corpus: the repository root is the folder holding EmergencyWorkflows.sln, and the
/// samples live at <c>&lt;root&gt;/../shared/elsa-samples</c>. A git worktree sits one level deeper than the main
/// checkout, so the ancestors of the root are probed too.
/// </summary>
internal static class ElsaSampleCorpus
{
    public static string Directory { get; } = Locate();

    public static IEnumerable<string> Files() =>
        System.IO.Directory.EnumerateFiles(Directory, "*.json").Order(StringComparer.Ordinal);

    public static TheoryData<string> FileNames()
    {
        var data = new TheoryData<string>();
        foreach (var file in Files())
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    private static string Locate()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "EmergencyWorkflows.sln")))
        {
            dir = dir.Parent;
        }

        if (dir is null)
        {
            throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds EmergencyWorkflows.sln.");
        }

        for (var probe = dir.Parent; probe is not null; probe = probe.Parent)
        {
            var candidate = Path.Combine(probe.FullName, "shared", "elsa-samples");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"The shared Elsa samples were not found at {dir.FullName}/../shared/elsa-samples.");
    }
}
