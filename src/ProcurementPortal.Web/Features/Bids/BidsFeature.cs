namespace ProcurementPortal.Web.Features.Bids;

public static class BidsFeature
{
    public static IServiceCollection AddBidsFeature(this IServiceCollection services)
    {
        services.AddScoped<BidWorkspace>();
        services.AddScoped<StartBid>();
        services.AddScoped<SaveBidDraft>();
        services.AddScoped<SubmitBid>();
        services.AddScoped<WithdrawBid>();
        services.AddScoped<BidsReceived>();
        services.AddScoped<IBidAttachmentHashes, NoBidAttachments>();
        services.AddScoped<IBidSubmissionObserver, NoBidSubmissionObserver>();
        return services;
    }
}
