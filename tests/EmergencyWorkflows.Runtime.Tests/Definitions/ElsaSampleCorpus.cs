using EmergencyWorkflows.Runtime.Tests.Execution;

namespace EmergencyWorkflows.Runtime.Tests.Definitions;

/// <summary>The shared Elsa sample corpus (located by <see cref="TestPaths.SamplesDirectory"/>) as theory data.</summary>
internal static class ElsaSampleCorpus
{
    public static string Directory { get; } = TestPaths.SamplesDirectory;

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
}
