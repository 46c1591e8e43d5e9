using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.Bids;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Bids;

/// <summary>What an officer may know of the bids before opening: how many count now. No names, no content.</summary>
public sealed record BidsReceivedView(Guid ProcurementId, int Received);

public sealed class BidsReceived(PortalDbContext db)
{
    public async Task<Outcome<BidsReceivedView>> HandleAsync(Guid procurementId, CancellationToken ct)
    {
        if (!await db.Procurements.AnyAsync(p => p.Id == procurementId, ct))
        {
            return Outcome<BidsReceivedView>.NotFound();
        }
        var count = await db.Bids.CountAsync(b => b.ProcurementId == procurementId && b.Status == BidStatus.Submitted, ct);
        return Outcome<BidsReceivedView>.Ok(new BidsReceivedView(procurementId, count));
    }
}

/// <summary>The line on the officer's procurement page: the count of bids received, nothing more.</summary>
public sealed class BidsReceivedViewComponent(BidsReceived received) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid procurementId)
    {
        var outcome = await received.HandleAsync(procurementId, HttpContext.RequestAborted);
        return View("~/Features/Bids/_BidsReceived.cshtml", outcome.Value);
    }
}
