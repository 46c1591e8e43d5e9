using ProcurementPortal.Web.Features.Addenda;
using ProcurementPortal.Web.Features.Opportunities;

namespace ProcurementPortal.Web.Features.TenderDocuments;

public static class TenderDocumentsFeature
{
    /// <summary>Tender documents, addenda and the provider's tender page.</summary>
    public static IServiceCollection AddTenderDocumentsFeature(this IServiceCollection services) => services
        .AddScoped<UploadTenderDocumentHandler>()
        .AddScoped<TenderDocumentQueries>()
        .AddScoped<WriteAddendumHandler>()
        .AddScoped<PublishAddendumHandler>()
        .AddScoped<ProviderTenderHandler>();
}
