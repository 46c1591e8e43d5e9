namespace ProcurementPortal.Web.Features.DecisionReports;

public static class DecisionReportsFeature
{
    /// <summary>Decision (DDP) reports: drafting, review and approval, versions, the tenant's template, HTML and PDF.</summary>
    public static IServiceCollection AddDecisionReportsFeature(this IServiceCollection services) => services
        .AddScoped<DecisionReportQueries>()
        .AddScoped<DraftDecisionReportHandler>()
        .AddScoped<DraftWaiverReportHandler>()
        .AddScoped<UpdateDecisionReportHandler>()
        .AddScoped<SubmitDecisionReportHandler>()
        .AddScoped<DecideDecisionReportHandler>()
        .AddScoped<NewDecisionReportVersionHandler>()
        .AddScoped<SaveReportTemplateHandler>();
}
