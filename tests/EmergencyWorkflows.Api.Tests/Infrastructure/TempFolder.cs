namespace EmergencyWorkflows.Api.Tests.Infrastructure;

/// <summary>A folder under the system temp directory, deleted on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ew-api-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>A workflows folder holding the repository's workflows/ files and every scenario workflow.</summary>
    public string CreateWorkflowsFolder(bool includeRepositoryWorkflows = true, bool includeScenarioWorkflows = true)
    {
        var folder = Combine("workflows");
        Directory.CreateDirectory(folder);
        var files = (includeRepositoryWorkflows ? Directory.EnumerateFiles(TestPaths.RepositoryWorkflows, "*.json") : [])
            .Concat(includeScenarioWorkflows ? TestPaths.ScenarioWorkflowFiles : []);
        foreach (var file in files)
        {
            File.Copy(file, System.IO.Path.Combine(folder, System.IO.Path.GetFileName(file)), overwrite: true);
        }

        return folder;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open (SQLite WAL on a slow dispose) must not fail the test; the OS temp cleaner gets it.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
