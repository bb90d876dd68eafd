namespace EmergencyWorkflows.Api.Release;

internal static class ReleaseExtensions
{
    /// <summary>Information release and closure: announcement templates (<c>Emergency:Announcements:Templates</c>) and the
    /// overdue improvement action reminders (<c>Emergency:Reviews:ReminderInterval</c>). Needs AddEmergencyNotifications.</summary>
    public static IServiceCollection AddInformationRelease(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(AnnouncementTemplates.From(configuration));
        services.AddSingleton<AffectedEmployees>();
        services.AddSingleton(configuration.GetSection(ReviewOptions.Section).Get<ReviewOptions>() ?? new ReviewOptions());
        services.AddSingleton<ActionReminderSweep>();
        services.AddHostedService(sp => sp.GetRequiredService<ActionReminderSweep>());
        return services;
    }

    public static IEndpointRouteBuilder MapInformationRelease(this IEndpointRouteBuilder app)
    {
        app.MapAnnouncements();
        app.MapReviews();
        return app;
    }
}
