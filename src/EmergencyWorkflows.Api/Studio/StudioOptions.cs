namespace EmergencyWorkflows.Api.Studio;

/// <summary>The <c>Studio</c> section: where the installed Elsa Studio package lives.</summary>
internal sealed class StudioOptions
{
    public const string Section = "Studio";

    /// <summary>
    /// The unpacked <c>@elsa-workflows/elsa-studio-wasm</c> package, relative to the repository root. The Api build
    /// installs it there (npm ci, see the csproj).
    /// </summary>
    public string PackagePath { get; set; } = "src/EmergencyWorkflows.Api/Studio/node_modules/@elsa-workflows/elsa-studio-wasm";
}
