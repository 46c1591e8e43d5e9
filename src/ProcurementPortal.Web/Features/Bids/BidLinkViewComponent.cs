using Microsoft.AspNetCore.Mvc;
using ProcurementPortal.Core.Tenancy;
using ProcurementPortal.Web.Features.Notices;

namespace ProcurementPortal.Web.Features.Bids;

/// <summary>The way into the bid pages from the tender page; what the link says depends on the bid there is.</summary>
public sealed record BidLink(string Href, string Text, bool Start);

/// <summary>
/// "Start a bid" or "Continue your bid" on the provider's tender page: for a person of one provider organisation its
/// own bid decides which; for a person of several, the bid pages first ask which organisation (so the link says both).
/// </summary>
public sealed class BidLinkViewComponent(BidWorkspace workspace, ProviderSide providers, ITenantContext tenant) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid procurementId, bool isOpen)
    {
        var href = $"/{tenant.Slug}/opportunities/{procurementId}/bid";
        var mine = await providers.OrganisationsAsync(HttpContext.RequestAborted);
        BidLink? link = mine.Count switch
        {
            0 => null,
            > 1 => new BidLink(href, "Start or continue a bid", false),
            _ => await workspace.OpenAsync(procurementId, mine[0].Id, HttpContext.RequestAborted) switch
            {
                { Bid: not null } => new BidLink(href, isOpen ? "Continue your bid" : "View your bid", false),
                not null when isOpen => new BidLink(href, "Start a bid", true),
                _ => null,
            },
        };
        return View("~/Features/Bids/_BidLink.cshtml", link);
    }
}
