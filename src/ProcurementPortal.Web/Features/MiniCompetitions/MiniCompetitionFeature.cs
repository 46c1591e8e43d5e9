namespace ProcurementPortal.Web.Features.MiniCompetitions;

public static class MiniCompetitionFeature
{
    /// <summary>Call-offs by further competition among a framework lot's members.</summary>
    public static IServiceCollection AddMiniCompetitionFeature(this IServiceCollection services) => services
        .AddScoped<MiniCompetitions>()
        .AddScoped<MiniCompetitionAccess>()
        .AddScoped<StartMiniCompetitionHandler>()
        .AddScoped<RespondToMiniCompetitionHandler>()
        .AddScoped<ScoreMiniCompetitionResponseHandler>()
        .AddScoped<AwardMiniCompetitionHandler>()
        .AddScoped<MiniCompetitionCallOffJob>();
}
