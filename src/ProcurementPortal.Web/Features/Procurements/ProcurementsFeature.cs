namespace ProcurementPortal.Web.Features.Procurements;

public static class ProcurementsFeature
{
    public static IServiceCollection AddProcurementsFeature(this IServiceCollection services) => services
        .AddScoped<CreateProcurementHandler>()
        .AddScoped<UpdateProcurementHandler>()
        .AddScoped<LotsAndBandsHandler>()
        .AddScoped<PutEvaluationModelHandler>()
        .AddScoped<CopyEvaluationModelHandler>()
        .AddScoped<TransitionHandler>()
        .AddScoped<CancelProcurementHandler>()
        .AddScoped<CloseSubmissionsJob>()
        .AddScoped<ClarificationDeadlineJob>()
        .AddScoped<ImportFeeScheduleHandler>()
        .AddScoped<Opportunities.ClarificationsHandler>();
}
