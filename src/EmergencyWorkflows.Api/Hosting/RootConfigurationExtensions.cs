using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration.CommandLine;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace EmergencyWorkflows.Api.Hosting;

internal static class RootConfigurationExtensions
{
    /// <summary>
    /// Loads THE config file, <c>appsettings.json</c> at the repository root (plus an optional
    /// <c>appsettings.{Environment}.json</c> beside it), then makes the relative paths the configuration holds (database,
    /// log files) absolute against that root. Environment variables and command-line arguments keep overriding the file.
    /// </summary>
    public static WebApplicationBuilder AddRootConfiguration(this WebApplicationBuilder builder)
    {
        var root = RepositoryRoot.Locate(builder.Environment.ContentRootPath);
        var reload = builder.Configuration.GetValue("hostBuilder:reloadConfigOnChange", defaultValue: true);
        var sources = builder.Configuration.Sources;

        // The file provider is set explicitly: inserted sources would otherwise resolve against the content root.
        var files = new[] { "appsettings.json", $"appsettings.{builder.Environment.EnvironmentName}.json" }
            .Select((file, index) => new JsonConfigurationSource
            {
                Path = file,
                Optional = index > 0,
                ReloadOnChange = reload,
                FileProvider = new PhysicalFileProvider(root),
            });

        // Before the first environment/command-line source, so that those still win over the file.
        var position = sources.ToList().FindIndex(s => s is EnvironmentVariablesConfigurationSource or CommandLineConfigurationSource);
        if (position < 0)
        {
            position = sources.Count;
        }

        foreach (var source in files.Reverse().ToList())
        {
            sources.Insert(position, source);
        }

        builder.Configuration.AddInMemoryCollection(AbsolutePaths(builder.Configuration, root));
        builder.Services.AddSingleton(new RepositoryPaths(root));
        builder.Services.AddOptions<ServiceOptions>().Bind(builder.Configuration.GetSection(ServiceOptions.Section));
        return builder;
    }

    /// <summary>The same values, with relative paths made absolute against the repository root.</summary>
    private static Dictionary<string, string?> AbsolutePaths(ConfigurationManager configuration, string root)
    {
        var overrides = new Dictionary<string, string?>();
        var connectionString = configuration.GetConnectionString("Workflows");
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            var sqlite = new SqliteConnectionStringBuilder(connectionString);
            if (!string.IsNullOrEmpty(sqlite.DataSource) && sqlite.DataSource != ":memory:" && !Path.IsPathRooted(sqlite.DataSource))
            {
                sqlite.DataSource = RepositoryRoot.Resolve(root, sqlite.DataSource);
                overrides["ConnectionStrings:Workflows"] = sqlite.ToString();
            }
        }

        foreach (var sink in configuration.GetSection("Serilog:WriteTo").GetChildren())
        {
            var path = sink["Args:path"];
            if (!string.IsNullOrWhiteSpace(path) && !Path.IsPathRooted(path))
            {
                overrides[$"{sink.Path}:Args:path"] = RepositoryRoot.Resolve(root, path);
            }
        }

        return overrides;
    }
}

/// <summary>Where the repository root is, for features that read files relative to it (workflows/).</summary>
internal sealed record RepositoryPaths(string Root)
{
    public string Resolve(string path) => RepositoryRoot.Resolve(Root, path);
}
