using System.Globalization;
using EmergencyWorkflows.Runtime.Definitions;

namespace EmergencyWorkflows.Api.ElsaApi;

internal enum ElsaVersionKind
{
    All,
    Latest,
    Published,
    LatestOrPublished,
    LatestAndPublished,
    Draft,
    Specific,
}

/// <summary>Elsa's <c>versionOptions</c>: Latest, Published, LatestOrPublished, LatestAndPublished, Draft, AllVersions or a number.</summary>
internal sealed record ElsaVersionOptions(ElsaVersionKind Kind, int Version = 0)
{
    public static readonly ElsaVersionOptions Latest = new(ElsaVersionKind.Latest);

    /// <summary>Parses the query value; empty means <paramref name="fallback"/>. False for a value Elsa does not know.</summary>
    public static bool TryParse(string? text, ElsaVersionOptions fallback, out ElsaVersionOptions options)
    {
        options = fallback;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version > 0)
        {
            options = new ElsaVersionOptions(ElsaVersionKind.Specific, version);
            return true;
        }

        ElsaVersionKind? kind = text.Trim().ToUpperInvariant() switch
        {
            "LATEST" => ElsaVersionKind.Latest,
            "PUBLISHED" => ElsaVersionKind.Published,
            "LATESTORPUBLISHED" => ElsaVersionKind.LatestOrPublished,
            "LATESTANDPUBLISHED" => ElsaVersionKind.LatestAndPublished,
            "DRAFT" => ElsaVersionKind.Draft,
            "ALLVERSIONS" or "ALL" => ElsaVersionKind.All,
            _ => null,
        };
        if (kind is null)
        {
            return false;
        }

        options = new ElsaVersionOptions(kind.Value);
        return true;
    }

    public bool Matches(StoredDefinition d) => Kind switch
    {
        ElsaVersionKind.Latest => d.IsLatest,
        ElsaVersionKind.Published => d.IsPublished,
        ElsaVersionKind.LatestOrPublished => d.IsLatest || d.IsPublished,
        ElsaVersionKind.LatestAndPublished => d.IsLatest && d.IsPublished,
        ElsaVersionKind.Draft => !d.IsPublished,
        ElsaVersionKind.Specific => d.Version == Version,
        _ => true,
    };
}
