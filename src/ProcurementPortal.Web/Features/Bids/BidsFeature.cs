namespace ProcurementPortal.Web.Features.Bids;

public static class BidsFeature
{
    public static IServiceCollection AddBidsFeature(this IServiceCollection services)
    {
        services.AddSingleton<Procurements.PublishedTenders>();
        services.AddScoped<BidWorkspace>();
        services.AddScoped<StartBid>();
        services.AddScoped<SaveBidDraft>();
        services.AddScoped<SubmitBid>();
        services.AddScoped<WithdrawBid>();
        services.AddScoped<BidsReceived>();
        services.AddScoped<UploadBidAttachment>();
        services.AddScoped<RemoveBidAttachment>();
        services.AddScoped<BidAttachmentFiles>();
        services.AddScoped<BidReceiptPdf>();
        services.AddScoped<IBidSubmissionObserver, NoBidSubmissionObserver>();
        return services;
    }
}
