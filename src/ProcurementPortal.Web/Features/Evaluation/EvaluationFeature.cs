namespace ProcurementPortal.Web.Features.Evaluation;

public static class EvaluationFeature
{
    public static IServiceCollection AddEvaluationFeature(this IServiceCollection services) => services
        .AddScoped<EvaluationLoader>()
        .AddScoped<EvaluationQueries>()
        .AddScoped<EvaluationResultsQuery>()
        .AddScoped<OpenBidsHandler>()
        .AddScoped<AssignPanelHandler>()
        .AddScoped<AddExternalEvaluatorHandler>()
        .AddScoped<JoinPanelsOnAcceptance>()
        .AddScoped<DeclareConflictsHandler>()
        .AddScoped<RecordGateHandler>()
        .AddScoped<ScoreQuestionHandler>()
        .AddScoped<SubmitScoresHandler>()
        .AddScoped<ModerateScoreHandler>()
        .AddScoped<EvaluatePricesHandler>()
        .AddScoped<PublishRankingHandler>()
        .AddScoped<EvaluationReport>();
}
