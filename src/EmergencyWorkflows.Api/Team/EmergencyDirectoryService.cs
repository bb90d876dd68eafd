using EmergencyWorkflows.Persistence.Team;

namespace EmergencyWorkflows.Api.Team;

/// <summary>
/// Seeds the directory from configuration on the first start ever, loads it before the service takes requests, then
/// reloads it every <c>Emergency:DirectoryRefreshInterval</c> (default 5 s) so edits made on another node arrive.
/// </summary>
internal sealed class EmergencyDirectoryService(
    DatabaseEmergencyDirectory directory, IConfiguration configuration, TimeProvider time, ILogger<EmergencyDirectoryService> logger) : BackgroundService
{
    public const string RefreshIntervalKey = "Emergency:DirectoryRefreshInterval";

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var seed = TeamSeed.FromConfiguration(configuration);
        if (await directory.SeedOnceAsync(seed.Members, seed.Rotations, seed.Policies, cancellationToken))
        {
            foreach (var warning in seed.Warnings)
            {
                logger.LogWarning("Emergency team configuration: {SeedWarning}", warning);
            }
        }

        await directory.RefreshAsync(cancellationToken);
        logger.LogInformation(
            "Emergency directory loaded: {MemberCount} members, {RotationCount} rotations, {PolicyCount} policies",
            directory.Roster.Members.Count, directory.Rotations.Count, directory.Policies.Count);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = configuration.GetValue(RefreshIntervalKey, TimeSpan.FromSeconds(5));
        using var timer = new PeriodicTimer(interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await directory.RefreshAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The previous copy stays in use; the next tick tries again.
                logger.LogError(ex, "Emergency directory refresh failed; keeping the copy loaded at {LoadedAt}", directory.LoadedAt);
            }
        }
    }
}
