using ProcurementPortal.Core.Jobs;
using ProcurementPortal.Web.Features.Notices;

namespace ProcurementPortal.Web.Features.MarketIntent;

public static class MarketIntentFeature
{
    /// <summary>Market intent statements, engagement events and expressions of interest, and the public notices.</summary>
    public static IServiceCollection AddMarketIntentFeature(this IServiceCollection services) => services
        .AddScoped<MarketIntentViews>()
        .AddScoped<CreateStatement>()
        .AddScoped<UpdateStatement>()
        .AddScoped<PublishStatement>()
        .AddScoped<ScheduleEvent>()
        .AddScoped<ChangeEvent>()
        .AddScoped<EventAttendees>()
        .AddScoped<ExpressionsOfInterest>()
        .AddScoped<EngagementEventReminder>()
        .AddScoped<EngagementRegistrationJobs>()
        .AddScoped<PublicNotices>()
        .AddScoped<ProviderSide>()
        .AddScoped<RegisterForEvent>()
        .AddScoped<CancelRegistration>()
        .AddScoped<ExpressInterest>();
}
