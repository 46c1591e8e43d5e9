namespace ProcurementPortal.Web.Features.Award;

public static class AwardFeature
{
    public static IServiceCollection AddAwardFeature(this IServiceCollection services) => services
        .AddScoped<AwardLoader>()
        .AddScoped<RecommendAwardHandler>()
        .AddScoped<DecideAwardHandler>()
        .AddScoped<SendLettersHandler>()
        .AddScoped<AwardLetterDocument>()
        .AddScoped<AwardLettersJob>()
        .AddScoped<PublishAwardNoticeHandler>()
        .AddScoped<RecordChallengeHandler>()
        .AddScoped<StandstillJob>()
        .AddScoped<ContractRegister>()
        .AddScoped<ProviderLetters>()
        .AddScoped<ProviderLetterInbox>()
        .AddScoped<NonWorkingDays.AddNonWorkingDayHandler>()
        .AddScoped<NonWorkingDays.RemoveNonWorkingDayHandler>();
}
